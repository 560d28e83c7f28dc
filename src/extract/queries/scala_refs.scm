; Scala references (captures: src/extract/languages/spec.ts).
; `f()`, `obj.f()`, `a.b.f()`, `f[T]()`, `new X(..)`/`new X`, `X(..)` (apply), infix `a max b`.
; The grammar reads some statements as calls (`while (c) {..}`, `throw new E(..)` as an infix `new`),
; and more where it fails to parse: no keyword is a call's name.
([
  (call_expression function: (identifier) @reference.call)
  (call_expression function: (field_expression value: (_) @receiver field: (identifier) @reference.call))
  (call_expression function: (generic_function function: [(identifier) @reference.call (field_expression value: (_) @receiver field: (identifier) @reference.call)]))
  (instance_expression (identifier) @reference.call)
  (infix_expression left: (_) @receiver operator: (identifier) @reference.call)
]
  (#not-any-of? @reference.call "while" "if" "for" "match" "return" "throw" "yield" "def" "val" "var" "catch" "finally" "implicit" "this" "new" "with" "extends" "then" "else"))

; `import a.b.C`, `import a.b.{C, D => E}`, `import a.b._` and `import a.b.{_, ..}` (all of a.b);
; `D => _` hides D and imports nothing.
((import_declaration path: (stable_identifier . (_) @module . (identifier) @reference.import .) .) (#not-eq? @reference.import "given"))
((import_declaration path: (stable_identifier . (_) @module (_) @module . (identifier) @reference.import .) .) (#not-eq? @reference.import "given"))
(import_declaration path: (_) @module (import_selectors (identifier) @reference.import (#not-eq? @reference.import "_")))
(import_declaration path: (_) @module (import_selectors (renamed_identifier name: (identifier) @reference.import alias: (identifier) @alias)))
(import_declaration path: (_) @module @reference.import . [(wildcard) (import_selectors (identifier) @_all (#eq? @_all "_"))])

; `@inline`, `@deprecated(..)`, `@a.b.Ann`.
(annotation name: [(type_identifier) @reference.decorator (stable_type_identifier (_) @receiver . (type_identifier) @reference.decorator .)])

; `extends Base(..) with T with ns.U[V]`.
(extends_clause type: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .) (generic_type type: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])])
(extends_clause type: (compound_type base: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .) (generic_type type: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])]))
(extends_clause type: (compound_type extra: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .) (generic_type type: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])]))

; Type uses: a bare or qualified name where a type is written (a type alias's own name is not one;
; keywords appear as type names only in what the grammar failed to parse).
([
  (parameter type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (class_parameter type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (function_definition return_type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (function_declaration return_type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (val_definition type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (var_definition type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (val_declaration type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (var_declaration type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (type_definition type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (generic_type type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (type_arguments [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (upper_bound type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (lower_bound type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (context_bound type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (view_bound type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (compound_type base: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (compound_type extra: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (infix_type left: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (infix_type right: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (function_type return_type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (parameter_types [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (tuple_type [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (lazy_parameter_type type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (repeated_parameter_type type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (typed_pattern type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (projected_type type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])
  (extends_clause type: [(type_identifier) @reference.type (stable_type_identifier (_) @receiver . (type_identifier) @reference.type .)])]
  (#not-any-of? @reference.type "with" "type" "null" "this" "throw"))
