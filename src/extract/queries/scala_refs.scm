; Scala references (captures: src/extract/languages/spec.ts).
; `f()`, `obj.f()`, `a.b.f()`, `f[T]()`, `new X(..)`/`new X`, `X(..)` (apply), infix `a max b`.
; The grammar reads some statements as calls (`while (c) {..}`, `throw new E(..)` as an infix `new`),
; and more where it fails to parse: no keyword is a call's name.
([
  (call_expression function: (identifier) @reference.call)
  (call_expression function: (field_expression value: (_) @receiver field: (identifier) @reference.call))
  (call_expression function: (generic_function function: [(identifier) @reference.call (field_expression value: (_) @receiver field: (identifier) @reference.call)]))
  (instance_expression . [(type_identifier) @reference.call (stable_type_identifier (_) @receiver . (type_identifier) @reference.call .) (generic_type type: [(type_identifier) @reference.call (stable_type_identifier (_) @receiver . (type_identifier) @reference.call .)])])
  (infix_expression left: (_) @receiver operator: (identifier) @reference.call)
]
  (#not-any-of? @reference.call "while" "if" "for" "match" "return" "throw" "yield" "def" "val" "var" "catch" "finally" "implicit" "this" "new" "with" "extends" "then" "else"))

; `import a.b.C`, `import a.b.{C, D => E}` (Scala 3: `C as E`), `import a.b._`, `import a.b.*` and
; `import a.b.{_, ..}` (all of a.b); `D => _` hides D and imports nothing. The path is its segments, named
; siblings: the module spans the first to the one before the name (or the last, before selectors); a
; whole-package import captures the name on the first and last segment too.
(import_declaration . (identifier) @module . (identifier) @reference.import .)
(import_declaration . (identifier) @module (identifier) @module . (identifier) @reference.import .)
(import_declaration . (identifier) @module . (namespace_selectors (identifier) @reference.import))
(import_declaration . (identifier) @module (identifier) @module . (namespace_selectors (identifier) @reference.import))
(import_declaration . (identifier) @module . (namespace_selectors [(arrow_renamed_identifier name: (identifier) @reference.import alias: (identifier) @alias) (as_renamed_identifier name: (identifier) @reference.import alias: (identifier) @alias)]))
(import_declaration . (identifier) @module (identifier) @module . (namespace_selectors [(arrow_renamed_identifier name: (identifier) @reference.import alias: (identifier) @alias) (as_renamed_identifier name: (identifier) @reference.import alias: (identifier) @alias)]))
(import_declaration . (identifier) @module @reference.import . [(namespace_wildcard) (namespace_selectors (namespace_wildcard))])
(import_declaration . (identifier) @module @reference.import (identifier) @module @reference.import . [(namespace_wildcard) (namespace_selectors (namespace_wildcard))])

; `@inline`, `@deprecated(..)`, `@a.b.Ann`.
(annotation name: [(type_identifier) @reference.decorator (stable_type_identifier (_) @receiver . (type_identifier) @reference.decorator .)])

; `extends Base(..) with T with ns.U[V]`.
; Each parent is a child of the clause (only the first is its `type:` field).
(extends_clause [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .) (generic_type type: [(type_identifier) @reference.inherit (stable_type_identifier (_) @receiver . (type_identifier) @reference.inherit .)])])
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
