; TypeScript-only references (captures: src/extract/languages/spec.ts), after ecmascript_refs.scm.
; `import fs = require("fs")`.
(import_require_clause (identifier) @alias source: (string) @module @reference.import)

; `class A extends B<T> implements I, ns.J<K>`, `interface I extends J, ns.K`.
(extends_clause value: (identifier) @reference.inherit)
(extends_clause value: (member_expression object: (_) @receiver property: (property_identifier) @reference.inherit))
(implements_clause [(type_identifier) @reference.inherit
  (nested_type_identifier module: (_) @receiver name: (type_identifier) @reference.inherit)
  (generic_type name: (type_identifier) @reference.inherit)
  (generic_type name: (nested_type_identifier module: (_) @receiver name: (type_identifier) @reference.inherit))])
(extends_type_clause type: [(type_identifier) @reference.inherit
  (nested_type_identifier module: (_) @receiver name: (type_identifier) @reference.inherit)
  (generic_type name: (type_identifier) @reference.inherit)
  (generic_type name: (nested_type_identifier module: (_) @receiver name: (type_identifier) @reference.inherit))])

; Type uses: a generic's name and a qualified name wherever they stand (neither is ever a definition's
; name); a bare name where a type is written (not a declaration's name, not a type parameter's).
(generic_type name: (type_identifier) @reference.type)
(nested_type_identifier module: (_) @receiver name: (type_identifier) @reference.type)
(type_annotation (type_identifier) @reference.type)
(type_arguments (type_identifier) @reference.type)
(array_type (type_identifier) @reference.type)
(union_type (type_identifier) @reference.type)
(intersection_type (type_identifier) @reference.type)
(tuple_type (type_identifier) @reference.type)
(readonly_type (type_identifier) @reference.type)
(parenthesized_type (type_identifier) @reference.type)
(optional_type (type_identifier) @reference.type)
(rest_type (type_identifier) @reference.type)
(constraint (type_identifier) @reference.type)
(default_type (type_identifier) @reference.type)
(index_type_query (type_identifier) @reference.type)
(lookup_type (type_identifier) @reference.type)
(as_expression (type_identifier) @reference.type)
(satisfies_expression (type_identifier) @reference.type)
(conditional_type (type_identifier) @reference.type)
(type_alias_declaration value: (type_identifier) @reference.type)
(type_predicate type: (type_identifier) @reference.type)
(function_type return_type: (type_identifier) @reference.type)
(mapped_type_clause type: (type_identifier) @reference.type)

; `typeof X` in a type names the value X (a class, a function): `constructor(ctor: typeof Action)`.
(type_query (identifier) @reference.type)
(type_query (member_expression object: (_) @receiver property: (property_identifier) @reference.type))
