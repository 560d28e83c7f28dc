; Kotlin. class_declaration covers class, interface and enum class: the spec reads the keyword and the body.
(class_declaration name: (identifier) @name) @definition.class
(object_declaration name: (identifier) @name) @definition.object
(function_declaration name: (identifier) @name) @definition.function
(secondary_constructor "constructor" @name) @definition.constructor
(type_alias type: (identifier) @name) @definition.type
; Companion objects, named or not (`Companion`): their members are theirs.
(companion_object "companion" @name) @definition.object
; Properties (`const val` is a constant; in a class or object a field), `val`/`var` constructor
; parameters, enum entries.
(property_declaration (variable_declaration (identifier) @name)) @definition.variable
(class_parameter ["val" "var"] . (identifier) @name) @definition.field
(enum_entry (identifier) @name) @definition.enum_member
