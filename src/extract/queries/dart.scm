; Dart. A method's signature and body are siblings here; the spec extends the range to the body.
(class_definition name: (identifier) @name) @definition.class
(mixin_declaration (identifier) @name) @definition.class
(enum_declaration name: (identifier) @name) @definition.enum
(extension_declaration name: (identifier) @name) @definition.extension
; An extension type (`extension type Meters(double v)`) is a type of its own, with members.
(extension_type_declaration name: (identifier) @name) @definition.class
(method_signature (function_signature name: (identifier) @name)) @definition.method
(method_signature (getter_signature name: (identifier) @name)) @definition.method
(method_signature (setter_signature name: (identifier) @name)) @definition.method
(declaration (function_signature name: (identifier) @name)) @definition.method
; Constructors, by the name right before their parameters: `Client(…)` is Client, `Client.named(…)` named
; (both of its names were two constructors); `const`, factory and redirecting ones too.
(declaration (constructor_signature name: (identifier) @name . parameters: (formal_parameter_list))) @definition.constructor
(method_signature (constructor_signature name: (identifier) @name . parameters: (formal_parameter_list))) @definition.constructor
(declaration [(constant_constructor_signature (identifier) @name . (formal_parameter_list)) (factory_constructor_signature (identifier) @name . (formal_parameter_list)) (redirecting_factory_constructor_signature (identifier) @name . (formal_parameter_list))]) @definition.constructor
(method_signature (factory_constructor_signature (identifier) @name . (formal_parameter_list))) @definition.constructor
; Operators, named `operator ==` (the name hook reads the symbol).
(method_signature (operator_signature) @name) @definition.method
(declaration (operator_signature) @name) @definition.method
(program (function_signature name: (identifier) @name) @definition.function)
(type_alias . (type_identifier) @name) @definition.type
; Top-level variables (`const` ones are constants); class fields (`const` ones constants); enum values.
(program (static_final_declaration_list (static_final_declaration (identifier) @name) @definition.variable))
(program (initialized_identifier_list (initialized_identifier (identifier) @name) @definition.variable))
(program (const_builtin) . (static_final_declaration_list (static_final_declaration (identifier) @name) @definition.constant))
(program (const_builtin) . (_) . (static_final_declaration_list (static_final_declaration (identifier) @name) @definition.constant))
(declaration [(static_final_declaration_list (static_final_declaration (identifier) @name)) (initialized_identifier_list (initialized_identifier (identifier) @name))]) @definition.field
(declaration (const_builtin) (static_final_declaration_list (static_final_declaration (identifier) @name))) @definition.constant
(enum_constant name: (identifier) @name) @definition.enum_member
