; Swift. class_declaration covers class, struct, enum and actor (the spec reads the keyword);
; an extension is a scope: its functions are methods of the extended type.
(class_declaration declaration_kind: "extension" name: (user_type) @name) @scope.extension
(class_declaration declaration_kind: ["class" "struct" "enum" "actor"] name: (type_identifier) @name) @definition.class
(protocol_declaration name: (type_identifier) @name) @definition.interface
(function_declaration name: (simple_identifier) @name) @definition.function
(protocol_function_declaration name: (simple_identifier) @name) @definition.method
(init_declaration "init" @name) @definition.constructor
(typealias_declaration name: (type_identifier) @name) @definition.type
; Properties: top-level `let` is a constant and `var` a variable; in a type, fields. Enum cases.
(property_declaration name: (pattern bound_identifier: (simple_identifier) @name)) @definition.variable
(enum_entry name: (simple_identifier) @name) @definition.enum_member
