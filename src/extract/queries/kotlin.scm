; Kotlin (no field names in this grammar). class_declaration covers class, interface and enum class:
; the spec reads the keyword.
(class_declaration (type_identifier) @name) @definition.class
(object_declaration (type_identifier) @name) @definition.object
(function_declaration (simple_identifier) @name) @definition.function
(secondary_constructor "constructor" @name) @definition.constructor
(type_alias (type_identifier) @name) @definition.type
; Companion objects, named or not (`Companion`): their members are theirs.
(companion_object "companion" @name) @definition.object
; Properties (`const val` is a constant; in a class or object a field), `val`/`var` constructor
; parameters, enum entries.
(property_declaration (variable_declaration (simple_identifier) @name)) @definition.variable
(class_parameter (binding_pattern_kind) (simple_identifier) @name) @definition.field
(enum_entry (simple_identifier) @name) @definition.enum_member
