; Java references (captures: src/extract/languages/spec.ts).
; `f()`, `obj.f()`, `A.f()`, `a.b.C.f()`, `super.f()`; `new X()` and `new a.X<>()` call X; `X::f` uses f.
(method_invocation !object name: (identifier) @reference.call)
(method_invocation object: (_) @receiver name: (identifier) @reference.call)
(object_creation_expression type: [
  (type_identifier) @reference.call
  (scoped_type_identifier (_) @receiver . (type_identifier) @reference.call .)
  (generic_type [(type_identifier) @reference.call (scoped_type_identifier (_) @receiver . (type_identifier) @reference.call .)])])
(method_reference . (_) @receiver . (identifier) @reference.call .)

; `import a.b.C;` and `import static a.b.C.f;` import C (f) from a.b (a.b.C); `import a.b.*;` all of a.b.
(import_declaration (scoped_identifier scope: (_) @module name: (identifier) @reference.import) .)
(import_declaration (scoped_identifier) @module @reference.import (asterisk))

; `@Override`, `@Table(name = "x")`, `@javax.annotation.Nullable`.
(marker_annotation name: [(identifier) @reference.decorator (scoped_identifier scope: (_) @receiver name: (identifier) @reference.decorator)])
(annotation name: [(identifier) @reference.decorator (scoped_identifier scope: (_) @receiver name: (identifier) @reference.decorator)])

; `extends Base<T>`, `implements I, a.J`, an interface's `extends`.
(superclass [
  (type_identifier) @reference.inherit
  (scoped_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)
  (generic_type [(type_identifier) @reference.inherit (scoped_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])])
([(super_interfaces (type_list [
    (type_identifier) @reference.inherit
    (scoped_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)
    (generic_type [(type_identifier) @reference.inherit (scoped_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])]))
  (extends_interfaces (type_list [
    (type_identifier) @reference.inherit
    (scoped_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)
    (generic_type [(type_identifier) @reference.inherit (scoped_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])]))])

; Type uses where a type is written: a bare name (not a type parameter's own, not `var`) or the last
; name of a qualified one (`java.io.File`: File, through java.io).
([
  (generic_type . [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (type_arguments [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (type_list [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (field_declaration type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (constant_declaration type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (formal_parameter type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (spread_parameter [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (catch_type [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (local_variable_declaration type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (resource type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (enhanced_for_statement type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (method_declaration type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (annotation_type_element_declaration type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (array_type element: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (array_creation_expression type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (cast_expression type: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (instanceof_expression right: [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (throws [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (type_bound [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (wildcard [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (class_literal [(type_identifier) @reference.type (scoped_type_identifier (_) @receiver . (type_identifier) @reference.type .)])]
  (#not-eq? @reference.type "var"))
