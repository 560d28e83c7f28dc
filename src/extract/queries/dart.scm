; Dart. A method's signature and body are siblings here; the spec extends the range to the body.
(class_definition name: (identifier) @name) @definition.class
(mixin_declaration (identifier) @name) @definition.class
(enum_declaration name: (identifier) @name) @definition.enum
(extension_declaration name: (identifier) @name) @definition.extension
(method_signature (function_signature name: (identifier) @name)) @definition.method
(method_signature (getter_signature name: (identifier) @name)) @definition.method
(method_signature (setter_signature name: (identifier) @name)) @definition.method
(declaration (function_signature name: (identifier) @name)) @definition.method
(declaration (constructor_signature name: (identifier) @name)) @definition.constructor
(method_signature (constructor_signature name: (identifier) @name)) @definition.constructor
(program (function_signature name: (identifier) @name) @definition.function)
(type_alias (type_identifier) @name) @definition.type
; Top-level variables (`const` ones are constants); class fields (`const` ones constants); enum values.
(program (static_final_declaration_list (static_final_declaration (identifier) @name) @definition.variable))
(program (initialized_identifier_list (initialized_identifier (identifier) @name) @definition.variable))
(program (const_builtin) . (static_final_declaration_list (static_final_declaration (identifier) @name) @definition.constant))
(program (const_builtin) . (_) . (static_final_declaration_list (static_final_declaration (identifier) @name) @definition.constant))
(declaration [(static_final_declaration_list (static_final_declaration (identifier) @name)) (initialized_identifier_list (initialized_identifier (identifier) @name))]) @definition.field
(declaration (const_builtin) (static_final_declaration_list (static_final_declaration (identifier) @name))) @definition.constant
(enum_constant name: (identifier) @name) @definition.enum_member
