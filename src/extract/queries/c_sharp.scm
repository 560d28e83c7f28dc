; C#.
(namespace_declaration name: (_) @name) @definition.module
(file_scoped_namespace_declaration name: (_) @name) @definition.module
(class_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(struct_declaration name: (identifier) @name) @definition.struct
(enum_declaration name: (identifier) @name) @definition.enum
(record_declaration name: (identifier) @name) @definition.record
(delegate_declaration name: (identifier) @name) @definition.type
(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.constructor
(local_function_statement name: (identifier) @name) @definition.function
; Operators (named `operator ==`, `operator int`) and destructors (`~C`).
(operator_declaration "operator" @name) @definition.method
(conversion_operator_declaration type: (_) @name) @definition.method
(destructor_declaration name: (identifier) @name) @definition.method
; Fields (`const` ones are constants), properties and events; enum members.
(field_declaration (variable_declaration (variable_declarator (identifier) @name))) @definition.field
(event_field_declaration (variable_declaration (variable_declarator (identifier) @name))) @definition.field
(property_declaration name: (identifier) @name) @definition.field
(event_declaration name: (identifier) @name) @definition.field
(enum_member_declaration name: (identifier) @name) @definition.enum_member
