; OCaml. A let with parameters is a function; a let bound to `fun`/`function` too.
(let_binding pattern: (value_name) @name (parameter)) @definition.function
(let_binding pattern: (value_name) @name body: [(fun_expression) (function_expression)]) @definition.function
(module_binding name: (module_name) @name) @definition.module
(module_type_definition name: (module_type_name) @name) @definition.interface
(type_binding name: (type_constructor) @name) @definition.type
(class_binding name: (class_name) @name) @definition.class
(method_definition name: (method_name) @name) @definition.method
; Operator definitions: `let ( ++ ) a b = …` is named `(++)`.
(let_binding pattern: (parenthesized_operator) @name (parameter)) @definition.function
(let_binding pattern: (parenthesized_operator) @name body: [(fun_expression) (function_expression)]) @definition.function
; Values of a file or a structure (a let with parameters is a function, above); record fields;
; variant constructors.
(compilation_unit (value_definition (let_binding pattern: (value_name) @name) @definition.variable))
(structure (value_definition (let_binding pattern: (value_name) @name) @definition.variable))
(field_declaration (field_name) @name) @definition.field
(constructor_declaration (constructor_name) @name) @definition.enum_member
; A structure given to a functor (`F (struct type t = int end)`) and a functor's parameter
; (`module M (H : sig type t end)`) are anonymous: what they define is no member of the module around them.
(module_application argument: (_) @local)
(module_parameter) @local
