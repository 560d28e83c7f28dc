#import <Foundation/Foundation.h>

#define RCT_MAX_ITEMS 10
#define RCT_CLAMP(x, lo, hi) MIN(MAX(x, lo), hi)

typedef void (^RCTCompletion)(BOOL finished);

struct RCTPoint {
  int x;
  int y;
};

union RCTValue {
  int i;
  float f;
};

enum RCTMode {
  RCTModeOne,
  RCTModeTwo,
};

typedef NS_ENUM(NSInteger, RCTLogLevel) {
  RCTLogLevelInfo,
  RCTLogLevelError,
};

static NSInteger RCTCounter = 0;

/** Sources of scripts. */
@protocol RCTBundleSource <NSObject>
- (NSURL *)bundleURL;
@end

/** A thing with a name. */
@interface RCTThing : NSObject <RCTBundleSource> {
  NSInteger _hits;
}
@property (nonatomic, copy) NSString *name;
- (instancetype)initWithName:(NSString *)name
                       count:(NSInteger)count;
+ (instancetype)shared;
@end

@interface RCTThing (Extras)
- (void)reset;
@end

NSString *RCTFormatName(NSString *name)
{
  return name;
}

@implementation RCTThing

- (instancetype)initWithName:(NSString *)name count:(NSInteger)count
{
  if (self = [super init]) {
    _name = name;
  }
  return self;
}

+ (instancetype)shared
{
  return nil;
}

- (NSURL *)bundleURL
{
  return nil;
}

@end
