; Objective-C references, with C's (c_refs.scm). `#import "x.h"` reads as an include there; `@import UIKit;`
; imports the module whole.
(module_import path: (_) @module @reference.import)
; A message, `[RCTThing shared]`, `[x initWithName:a count:b]`: its selector (`initWithName:count:`) is spelled by
; keywords no one node holds, read by the `writtenName` hook (src/extract/languages/index.ts).
(message_expression) @written.call
