; C. Named structs, unions and enums with a body; typedefs; function definitions.
(struct_specifier name: (type_identifier) @name body: (_)) @definition.struct
(union_specifier name: (type_identifier) @name body: (_)) @definition.union
(enum_specifier name: (type_identifier) @name body: (_)) @definition.enum
(type_definition declarator: (type_identifier) @name) @definition.type
(function_definition declarator: (function_declarator declarator: (identifier) @name)) @definition.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))) @definition.function
(function_definition declarator: (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name)))) @definition.function
; Typedefs of pointers, arrays and function pointers: `typedef int (*handler)(int);`
(type_definition declarator: (pointer_declarator declarator: (type_identifier) @name)) @definition.type
(type_definition declarator: (array_declarator declarator: (type_identifier) @name)) @definition.type
(type_definition declarator: (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @name)))) @definition.type
(type_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @name))))) @definition.type
; Object-like macros are constants; variables defined outside functions (the extractor drops
; locals), not `extern` declarations nor those whose type is a macro call (`PyAPI_DATA(PyTypeObject) X;`
; declares data defined elsewhere); struct and union fields; enumerators.
(preproc_def name: (identifier) @name) @definition.constant
((declaration declarator: [(identifier) @name
   (pointer_declarator declarator: [(identifier) @name (pointer_declarator declarator: (identifier) @name) (array_declarator declarator: (identifier) @name)])
   (array_declarator declarator: (identifier) @name)
   (init_declarator declarator: [(identifier) @name
     (pointer_declarator declarator: [(identifier) @name (pointer_declarator declarator: (identifier) @name) (array_declarator declarator: (identifier) @name)])
     (array_declarator declarator: (identifier) @name)])]) @definition.variable
  (#not-match? @definition.variable "^(extern\\b|\\w+\\()"))
(field_declaration_list (field_declaration declarator: [(field_identifier) @name
   (pointer_declarator declarator: [(field_identifier) @name (pointer_declarator declarator: (field_identifier) @name)])
   (array_declarator declarator: (field_identifier) @name)
   (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (field_identifier) @name)))]) @definition.field)
(enumerator name: (identifier) @name) @definition.enum_member
