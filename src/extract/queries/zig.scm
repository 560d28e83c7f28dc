; Zig. Containers are constants holding a struct, enum or union type.
(variable_declaration (identifier) @name (struct_declaration)) @definition.struct
(variable_declaration (identifier) @name (enum_declaration)) @definition.enum
(variable_declaration (identifier) @name (union_declaration)) @definition.union
(function_declaration name: (identifier) @name) @definition.function
; Other constants and variables (of a file or a container); container fields; enum members.
(variable_declaration "const" (identifier) @name) @definition.constant
(variable_declaration "var" (identifier) @name) @definition.variable
(struct_declaration (container_field name: (identifier) @name) @definition.field)
(union_declaration (container_field name: (identifier) @name) @definition.field)
(enum_declaration (container_field name: (identifier) @name) @definition.enum_member)
