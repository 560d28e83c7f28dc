; Objective-C references, with C's (c_refs.scm). `#import "x.h"` reads as an include there; `@import UIKit;`
; imports the module whole.
(module_import path: (_) @module @reference.import)
; A message without arguments, `[RCTThing shared]`: its selector is the one keyword. A message with
; arguments (`[x initWithName:a count:b]`) names a selector of several parts no capture holds: not seen.
(message_expression receiver: (_) @receiver method: (identifier) @reference.call .)
