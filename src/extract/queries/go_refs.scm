; Go references (captures: src/extract/languages/spec.ts).
; `f()`, `pkg.F()`, `s.mu.Unlock()`, `New[T]()`; a conversion `T(x)` reads as a call of T.
(call_expression function: (identifier) @reference.call)
(call_expression function: (selector_expression operand: (_) @receiver field: (field_identifier) @reference.call))

; `import "net/http"` is the whole package; `import str "strings"` (and `.`, `_`) names it explicitly,
; otherwise the package name is the resolver's to derive.
(import_spec name: (_)? @alias path: (interpreted_string_literal) @module @reference.import)

; An embedded field (no name: the type is the first named child) or an embedded interface.
(field_declaration . type: [(type_identifier) @reference.inherit (qualified_type package: (_) @receiver name: (type_identifier) @reference.inherit)])
(field_declaration . type: (generic_type type: [(type_identifier) @reference.inherit (qualified_type package: (_) @receiver name: (type_identifier) @reference.inherit)]))
(interface_type (constraint_elem . [(type_identifier) @reference.inherit (qualified_type package: (_) @receiver name: (type_identifier) @reference.inherit)] .))

; Type uses: a qualified type anywhere, a bare one where a type is written (never a type_spec's name).
(qualified_type package: (_) @receiver name: (type_identifier) @reference.type)
(field_declaration type: (type_identifier) @reference.type)
(parameter_declaration type: (type_identifier) @reference.type)
(variadic_parameter_declaration type: (type_identifier) @reference.type)
(function_declaration result: (type_identifier) @reference.type)
(method_declaration result: (type_identifier) @reference.type)
(method_spec result: (type_identifier) @reference.type)
(function_type result: (type_identifier) @reference.type)
(func_literal result: (type_identifier) @reference.type)
(pointer_type (type_identifier) @reference.type)
(slice_type element: (type_identifier) @reference.type)
(array_type element: (type_identifier) @reference.type)
(implicit_length_array_type element: (type_identifier) @reference.type)
(map_type key: (type_identifier) @reference.type)
(map_type value: (type_identifier) @reference.type)
(channel_type value: (type_identifier) @reference.type)
(generic_type type: (type_identifier) @reference.type)
(type_arguments (type_identifier) @reference.type)
(composite_literal type: (type_identifier) @reference.type)
(type_assertion_expression type: (type_identifier) @reference.type)
(type_case type: (type_identifier) @reference.type)
(var_spec type: (type_identifier) @reference.type)
(const_spec type: (type_identifier) @reference.type)
(type_spec type: (type_identifier) @reference.type)
(type_alias type: (type_identifier) @reference.type)
(parenthesized_type (type_identifier) @reference.type)
(union_type (type_identifier) @reference.type)
(negated_type (type_identifier) @reference.type)
(constraint_elem (type_identifier) @reference.type)
