; Dart references (captures: src/extract/languages/spec.ts). The grammar keeps a call chain flat:
; `a.b(1)` is `a`, then a selector `.b`, then a selector holding the arguments.
((identifier) @reference.call . (selector (argument_part)))
([(identifier) (this) (super)] @receiver . (selector [(unconditional_assignable_selector (identifier) @reference.call) (conditional_assignable_selector (identifier) @reference.call)]) . (selector (argument_part)))
; Deeper in a chain (`a.b.c()`, `f().g()`) the receiver is an expression: `?`.
((selector) @receiver . (selector [(unconditional_assignable_selector (identifier) @reference.call) (conditional_assignable_selector (identifier) @reference.call)]) . (selector (argument_part)))

; `new Foo()`, `const Foo()`, and `const p.Foo()` / `const Foo.named()` (a prefix or a named constructor).
(new_expression (type_identifier) @reference.call . (arguments))
(new_expression (type_identifier) @receiver @not_reference . (identifier) @reference.call . (arguments))
(const_object_expression (type_identifier) @reference.call . (arguments))
(const_object_expression (type_identifier) @receiver @not_reference . (identifier) @reference.call . (arguments))

; `import 'x.dart';` and `import 'x.dart' as y;` the whole library (not with `show`, which names
; what it imports); `part 'y.dart';` joins a file to this library.
((import_specification (configurable_uri (uri (string_literal) @module @reference.import)) (identifier)? @alias) @_import (#not-match? @_import "\\sshow\\s"))
(import_specification (configurable_uri (uri (string_literal) @module)) (combinator "show" (identifier) @reference.import))
(part_directive (uri (string_literal) @module @reference.import))

; Every type name; `p.Foo` is `Foo` through the import prefix `p`. A type parameter's or typedef's
; own name is its definition.
(type_identifier) @reference.type
((type_identifier) @receiver @not_reference . "." . (type_identifier) @reference.type)
(type_parameter . (type_identifier) @not_reference)
(type_alias . (type_identifier) @not_reference)

(superclass (type_identifier) @reference.inherit)
(mixins (type_identifier) @reference.inherit)
(interfaces (type_identifier) @reference.inherit)

(annotation name: (identifier) @reference.decorator)
