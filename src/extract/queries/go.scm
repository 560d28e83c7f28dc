; Go. Methods are qualified by their receiver type.
(function_declaration name: (identifier) @name) @definition.function
(method_declaration
  receiver: (parameter_list
    (parameter_declaration
      type: [(type_identifier) @qualifier
             (pointer_type (type_identifier) @qualifier)
             (generic_type type: (type_identifier) @qualifier)
             (pointer_type (generic_type type: (type_identifier) @qualifier))]))
  name: (field_identifier) @name) @definition.method
(type_spec name: (type_identifier) @name type: (struct_type)) @definition.struct
(type_spec name: (type_identifier) @name type: (interface_type)) @definition.interface
(type_spec name: (type_identifier) @name type: [(type_identifier) (qualified_type) (pointer_type) (slice_type) (map_type) (function_type) (channel_type) (array_type) (generic_type)]) @definition.type
(type_alias name: (type_identifier) @name) @definition.type
(method_spec name: (field_identifier) @name) @definition.method
; Package-level constants and variables (one per name of a spec: `name:` would match only the first
; of `A, B = 1, 2` in this grammar).
(source_file (const_declaration (const_spec (identifier) @name) @definition.constant))
(source_file (var_declaration (var_spec (identifier) @name) @definition.variable))
; Fields of a named struct type, not of an anonymous struct in a variable's type (`var Flag struct {…}`).
(type_spec type: (struct_type (field_declaration_list (field_declaration name: (field_identifier) @name) @definition.field)))
