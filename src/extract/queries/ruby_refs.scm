; Ruby references (captures: src/extract/languages/spec.ts). A bare word without arguments
; (`helper2`) may be a local variable: only a call with a receiver or arguments is one for sure.
((call !receiver method: (identifier) @reference.call) (#not-any-of? @reference.call "require" "require_relative" "include" "extend" "prepend"))
((call receiver: (_) @receiver method: (_) @reference.call) (#not-eq? @reference.call "new"))

; `Foo.new(...)`, `A::Foo.new`: constructs `Foo`.
(call receiver: (constant) @reference.call method: (identifier) @_new (#eq? @_new "new"))
(call receiver: (scope_resolution scope: (_) @receiver name: (constant) @reference.call) method: (identifier) @_new (#eq? @_new "new"))

; `require "json"`, `require_relative "lib/x"`: the whole file (not an interpolated name).
(call !receiver method: (identifier) @_require arguments: (argument_list . (string . (string_content) @module @reference.import .)) (#any-of? @_require "require" "require_relative"))

; `class A < B`, and `include M`, `extend M`, `prepend M` mix a module in.
(superclass (constant) @reference.inherit)
(superclass (scope_resolution scope: (_) @receiver name: (constant) @reference.inherit))
(call !receiver method: (identifier) @_mixin arguments: (argument_list (constant) @reference.inherit) (#any-of? @_mixin "include" "extend" "prepend"))
(call !receiver method: (identifier) @_mixin arguments: (argument_list (scope_resolution scope: (_) @receiver name: (constant) @reference.inherit)) (#any-of? @_mixin "include" "extend" "prepend"))
