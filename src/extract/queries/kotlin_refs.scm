; Kotlin references (captures: src/extract/languages/spec.ts). The grammar has neither fields nor a node for
; the `a.b` of `a.b.C`: a receiver or module is captured on its first and last segment and covers both.
; `f()`, `obj.f()`, `obj?.f()`, `a.b.f()`; a constructor call `Thing()` reads as any call.
(call_expression . (simple_identifier) @reference.call)
(call_expression . (navigation_expression (_) @receiver . (navigation_suffix (simple_identifier) @reference.call) .))

; `import a.b.C` imports C from a.b, `import a.b.C as D` as D, `import a.b.*` all of a.b.
(import_header (identifier . (simple_identifier) @module . (simple_identifier) @reference.import .) .)
(import_header (identifier . (simple_identifier) @module (simple_identifier) @module . (simple_identifier) @reference.import .) .)
(import_header (identifier . (simple_identifier) @module . (simple_identifier) @reference.import .) . (import_alias (type_identifier) @alias))
(import_header (identifier . (simple_identifier) @module (simple_identifier) @module . (simple_identifier) @reference.import .) . (import_alias (type_identifier) @alias))
(import_header (identifier) @module @reference.import (wildcard_import))

; A written type (`C`, `C<T>`, `a.C`, `a.b.C<T>`) names its last segment, through the others; declarations
; name theirs with a bare type_identifier, so every user_type is a use. Qualified deeper than three
; segments is left out rather than read with a partial receiver.
; A `fun interface` (newer than the grammar) reads as a type named interface.
([
  (user_type . (type_identifier) @reference.type .)
  (user_type . (type_identifier) @reference.type . (type_arguments) .)
  (user_type . (type_identifier) @receiver . (type_identifier) @reference.type .)
  (user_type . (type_identifier) @receiver . (type_identifier) @reference.type . (type_arguments) .)
  (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.type .)
  (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.type . (type_arguments) .)]
  (#not-eq? @reference.type "interface"))

; `@Ann`, `@Target(..)`, `@a.b.Ann`, `@file:JvmName(..)`.
(annotation (user_type . (type_identifier) @reference.decorator .))
(annotation (constructor_invocation (user_type . (type_identifier) @reference.decorator .)))
(annotation (user_type . (type_identifier) @reference.decorator . (type_arguments) .))
(annotation (constructor_invocation (user_type . (type_identifier) @reference.decorator . (type_arguments) .)))
(annotation (user_type . (type_identifier) @receiver . (type_identifier) @reference.decorator .))
(annotation (constructor_invocation (user_type . (type_identifier) @receiver . (type_identifier) @reference.decorator .)))
(annotation (user_type . (type_identifier) @receiver . (type_identifier) @reference.decorator . (type_arguments) .))
(annotation (constructor_invocation (user_type . (type_identifier) @receiver . (type_identifier) @reference.decorator . (type_arguments) .)))
(annotation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.decorator .))
(annotation (constructor_invocation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.decorator .)))
(annotation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.decorator . (type_arguments) .))
(annotation (constructor_invocation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.decorator . (type_arguments) .)))
(file_annotation (constructor_invocation (user_type . (type_identifier) @reference.decorator .)))
(file_annotation (constructor_invocation (user_type . (type_identifier) @reference.decorator . (type_arguments) .)))
(file_annotation (constructor_invocation (user_type . (type_identifier) @receiver . (type_identifier) @reference.decorator .)))
(file_annotation (constructor_invocation (user_type . (type_identifier) @receiver . (type_identifier) @reference.decorator . (type_arguments) .)))
(file_annotation (constructor_invocation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.decorator .)))
(file_annotation (constructor_invocation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.decorator . (type_arguments) .)))

; A class's or object's supertypes: `: Base(x), I, ns.J<T>, K by k`.
(delegation_specifier (user_type . (type_identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type . (type_identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type . (type_identifier) @reference.inherit .)))
(delegation_specifier (user_type . (type_identifier) @reference.inherit . (type_arguments) .))
(delegation_specifier (constructor_invocation (user_type . (type_identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (explicit_delegation (user_type . (type_identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (user_type . (type_identifier) @receiver . (type_identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type . (type_identifier) @receiver . (type_identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type . (type_identifier) @receiver . (type_identifier) @reference.inherit .)))
(delegation_specifier (user_type . (type_identifier) @receiver . (type_identifier) @reference.inherit . (type_arguments) .))
(delegation_specifier (constructor_invocation (user_type . (type_identifier) @receiver . (type_identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (explicit_delegation (user_type . (type_identifier) @receiver . (type_identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.inherit .))
(delegation_specifier (constructor_invocation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.inherit .)))
(delegation_specifier (explicit_delegation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.inherit .)))
(delegation_specifier (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.inherit . (type_arguments) .))
(delegation_specifier (constructor_invocation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.inherit . (type_arguments) .)))
(delegation_specifier (explicit_delegation (user_type . (type_identifier) @receiver (type_identifier) @receiver . (type_identifier) @reference.inherit . (type_arguments) .)))
