; Kotlin references (captures: src/extract/languages/spec.ts). A qualified name's segments are siblings:
; a receiver or module is captured on its first and last segment and covers both.
; `f()`, `obj.f()`, `obj?.f()`, `a.b.f()`; a constructor call `Thing()` reads as any call.
(call_expression . (identifier) @reference.call)
(call_expression . (navigation_expression (_) @receiver . (identifier) @reference.call .))

; `import a.b.C` imports C from a.b, `import a.b.C as D` as D, `import a.b.*` all of a.b.
; The `*` of a wildcard is no named node: an import ending in it is no import of its last segment.
((import (qualified_identifier . (identifier) @module . (identifier) @reference.import .) .) @_import (#not-match? @_import "\\*$"))
((import (qualified_identifier . (identifier) @module (identifier) @module . (identifier) @reference.import .) .) @_import (#not-match? @_import "\\*$"))
(import (qualified_identifier . (identifier) @module . (identifier) @reference.import .) . (identifier) @alias)
(import (qualified_identifier . (identifier) @module (identifier) @module . (identifier) @reference.import .) . (identifier) @alias)
(import (qualified_identifier) @module @reference.import "*")

; A written type (`C`, `C<T>`, `a.C`, `a.b.C<T>`) names its last segment, through the others; declarations
; name theirs with a bare identifier, so every user_type is a use. Qualified deeper than three
; segments is left out rather than read with a partial receiver.
[
  (user_type . (identifier) @reference.type .)
  (user_type . (identifier) @reference.type . (type_arguments) .)
  (user_type . (identifier) @receiver . (identifier) @reference.type .)
  (user_type . (identifier) @receiver . (identifier) @reference.type . (type_arguments) .)
  (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.type .)
  (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.type . (type_arguments) .)]

; `@Ann`, `@Target(..)`, `@a.b.Ann`, `@file:JvmName(..)`.
(annotation (user_type . (identifier) @reference.decorator .))
(annotation (constructor_invocation (user_type . (identifier) @reference.decorator .)))
(annotation (user_type . (identifier) @reference.decorator . (type_arguments) .))
(annotation (constructor_invocation (user_type . (identifier) @reference.decorator . (type_arguments) .)))
(annotation (user_type . (identifier) @receiver . (identifier) @reference.decorator .))
(annotation (constructor_invocation (user_type . (identifier) @receiver . (identifier) @reference.decorator .)))
(annotation (user_type . (identifier) @receiver . (identifier) @reference.decorator . (type_arguments) .))
(annotation (constructor_invocation (user_type . (identifier) @receiver . (identifier) @reference.decorator . (type_arguments) .)))
(annotation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.decorator .))
(annotation (constructor_invocation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.decorator .)))
(annotation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.decorator . (type_arguments) .))
(annotation (constructor_invocation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.decorator . (type_arguments) .)))
(file_annotation (constructor_invocation (user_type . (identifier) @reference.decorator .)))
(file_annotation (constructor_invocation (user_type . (identifier) @reference.decorator . (type_arguments) .)))
(file_annotation (constructor_invocation (user_type . (identifier) @receiver . (identifier) @reference.decorator .)))
(file_annotation (constructor_invocation (user_type . (identifier) @receiver . (identifier) @reference.decorator . (type_arguments) .)))
(file_annotation (constructor_invocation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.decorator .)))
(file_annotation (constructor_invocation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.decorator . (type_arguments) .)))

; A class's or object's supertypes: `: Base(x), I, ns.J<T>, K by k`.
(delegation_specifier (user_type . (identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type . (identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type . (identifier) @reference.inherit .)))
(delegation_specifier (user_type . (identifier) @reference.inherit . (type_arguments) .))
(delegation_specifier (constructor_invocation (user_type . (identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (explicit_delegation (user_type . (identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (user_type . (identifier) @receiver . (identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type . (identifier) @receiver . (identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type . (identifier) @receiver . (identifier) @reference.inherit .)))
(delegation_specifier (user_type . (identifier) @receiver . (identifier) @reference.inherit . (type_arguments) .))
(delegation_specifier (constructor_invocation (user_type . (identifier) @receiver . (identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (explicit_delegation (user_type . (identifier) @receiver . (identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.inherit .)))
(delegation_specifier (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.inherit . (type_arguments) .))
(delegation_specifier (constructor_invocation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (explicit_delegation (user_type . (identifier) @receiver (identifier) @receiver . (identifier) @reference.inherit . (type_arguments) .)))
