; OCaml declarations an implementation (`.ml`) and an interface (`.mli`) write alike: modules, module
; types, types, classes, record fields, variant constructors and exceptions.
(module_binding (module_name) @name) @definition.module
(module_type_definition (module_type_name) @name) @definition.interface
(type_binding name: (type_constructor) @name) @definition.type
(class_binding (class_name) @name) @definition.class
(field_declaration (field_name) @name) @definition.field
(constructor_declaration . (constructor_name) @name) @definition.enum_member
; A functor's parameter (`module M (H : sig type t end)`) is anonymous: what its signature declares is
; no member of the module.
(module_parameter) @local
