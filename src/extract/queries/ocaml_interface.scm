; OCaml interfaces (`.mli`; with ocaml_declarations.scm): `val` and `external` declare a function when
; their type is one (`val length : 'a t -> int`; the function reading wins), a value otherwise
; (`val empty : 'a t`); operators are named `(++)`. Classes and class types declare methods.
[(value_specification [(value_name) (parenthesized_operator)] @name type: (function_type))
 (external [(value_name) (parenthesized_operator)] @name type: (function_type))] @definition.function
[(value_specification [(value_name) (parenthesized_operator)] @name)
 (external [(value_name) (parenthesized_operator)] @name)] @definition.variable
(class_type_binding (class_type_name) @name) @definition.class
(method_specification (method_name) @name) @definition.method
