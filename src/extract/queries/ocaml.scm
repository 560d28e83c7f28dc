; OCaml implementations (`.ml`; with ocaml_declarations.scm). A let with parameters is a function; a
; let bound to `fun`/`function` too.
(let_binding pattern: (value_name) @name (parameter)) @definition.function
(let_binding pattern: (value_name) @name body: [(fun_expression) (function_expression)]) @definition.function
(method_definition (method_name) @name) @definition.method
; Operator definitions: `let ( ++ ) a b = …` is named `(++)`.
(let_binding pattern: (parenthesized_operator) @name (parameter)) @definition.function
(let_binding pattern: (parenthesized_operator) @name body: [(fun_expression) (function_expression)]) @definition.function
; Values of a file or a structure (a let with parameters is a function, above).
(compilation_unit (value_definition (let_binding pattern: (value_name) @name) @definition.variable))
(structure (value_definition (let_binding pattern: (value_name) @name) @definition.variable))
; A structure given to a functor (`F (struct type t = int end)`) is anonymous: what it defines is no
; member of the module around it.
(module_application argument: (_) @local)
