; C# references (captures: src/extract/languages/spec.ts).
; `F()`, `obj.F()`, `A.B.F()`, `F<T>()`, `obj?.F()`; `new X()`, `new N.X<T>()` call X. `nameof(x)` is no call.
(invocation_expression function: (identifier) @reference.call (#not-eq? @reference.call "nameof"))
(invocation_expression function: (generic_name . (identifier) @reference.call))
(invocation_expression function: (member_access_expression expression: (_) @receiver name: [(identifier) @reference.call (generic_name . (identifier) @reference.call)]))
(invocation_expression function: (conditional_access_expression condition: (_) @receiver (member_binding_expression name: [(identifier) @reference.call (generic_name . (identifier) @reference.call)])))
(object_creation_expression type: (_) @written.call)

; `using N.M;`, `using static N.C;` and `global using N;` bring in a whole namespace (or a type's members);
; `using A = N.C;` names C of N as A (`using A = N;`, the whole of N).
(using_directive . [(identifier) (qualified_name)] @module @reference.import .)
(using_directive name: (identifier) @alias (qualified_name (_) @module . (identifier) @reference.import .))
(using_directive name: (identifier) @alias . (identifier) @module @reference.import .)

; `[Serializable]`, `[Obsolete("x")]`, `[N.Custom]` (the class is named with an `Attribute` suffix or without).
(attribute name: [(identifier) @reference.decorator (qualified_name (_) @receiver . (identifier) @reference.decorator .)])

; A type's base class and interfaces: `: Base<T>, IFoo, N.IBar`, a record's `: Base(x)`.
(base_list (_) @written.inherit)
(base_list (primary_constructor_base_type . (_) @written.inherit))

; Type uses: a bare, generic or qualified name where a type is written (`var` is implicit_type, no name;
; `typeof(void)` and a `where T : default` constraint name no type).
([
  (variable_declaration type: (_) @written.type)
  (parameter type: (_) @written.type)
  (method_declaration returns: (_) @written.type)
  (local_function_statement type: (_) @written.type)
  (delegate_declaration type: (_) @written.type)
  (property_declaration type: (_) @written.type)
  (indexer_declaration type: (_) @written.type)
  (operator_declaration type: (_) @written.type)
  (conversion_operator_declaration type: (_) @written.type)
  (event_declaration type: (_) @written.type)
  (array_type type: (_) @written.type)
  (nullable_type (_) @written.type)
  (pointer_type (_) @written.type)
  (cast_expression type: (_) @written.type)
  (declaration_pattern type: (_) @written.type)
  (as_expression right: (_) @written.type)
  (is_expression right: (_) @written.type)
  (typeof_expression (_) @written.type)
  (default_expression type: (_) @written.type)
  (type_argument_list (_) @written.type)
  (type_parameter_constraint type: (_) @written.type)
  (catch_declaration type: (_) @written.type)
  (foreach_statement type: (_) @written.type)
  (tuple_element type: (_) @written.type)]
  (#not-any-of? @written.type "void" "default"))
