; Zig. Containers are constants holding a struct, enum or union type.
(variable_declaration (identifier) @name (struct_declaration)) @definition.struct
(variable_declaration (identifier) @name (enum_declaration)) @definition.enum
(variable_declaration (identifier) @name (union_declaration)) @definition.union
(function_declaration name: (identifier) @name) @definition.function
; Other constants and variables (of a file or a container); container fields; enum members.
(variable_declaration "const" (identifier) @name) @definition.constant
(variable_declaration "var" (identifier) @name) @definition.variable
; A file is a struct: its top-level fields are the file's. The fields of an anonymous struct written as a field's
; type (`caps: struct { a: bool } = .{}`) are part of that field, no top-level names; `_` ends a non-exhaustive enum.
(source_file (container_field name: (identifier) @name) @definition.field)
(variable_declaration (struct_declaration (container_field name: (identifier) @name) @definition.field))
(variable_declaration (union_declaration (container_field name: (identifier) @name) @definition.field))
(variable_declaration (enum_declaration (container_field name: (identifier) @name) @definition.enum_member (#not-eq? @name "_")))
