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
; Functions declared without a body (`int f(void);`, mostly in headers): what a header gives, with the
; doc above it. Calls resolve to the definition where both are in the segment (src/graph/resolver.ts).
; A declaration that holds another's `;` is two a macro garbled (`f(…) __THROW;` then the next): left out.
((declaration declarator: [(function_declarator declarator: (identifier) @name)
                           (pointer_declarator declarator: (function_declarator declarator: (identifier) @name))
                           (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name)))]) @declaration.function
  (#not-match? @declaration.function ";[\\s\\S]"))
