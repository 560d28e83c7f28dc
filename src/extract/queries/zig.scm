; Zig. Containers are constants holding a struct, enum or union type.
(variable_declaration (identifier) @name (struct_declaration)) @definition.struct
(variable_declaration (identifier) @name (enum_declaration)) @definition.enum
(variable_declaration (identifier) @name (union_declaration)) @definition.union
(function_declaration name: (identifier) @name) @definition.function
