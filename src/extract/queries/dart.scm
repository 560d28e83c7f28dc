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
