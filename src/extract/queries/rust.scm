; Rust. `impl [Trait for] Type` blocks are scopes: their functions are methods of Type.
(struct_item name: (type_identifier) @name) @definition.struct
(union_item name: (type_identifier) @name) @definition.union
(enum_item name: (type_identifier) @name) @definition.enum
(trait_item name: (type_identifier) @name) @definition.trait
(type_item name: (type_identifier) @name) @definition.type
(mod_item name: (identifier) @name) @definition.module
(function_item name: (identifier) @name) @definition.function
(function_signature_item name: (identifier) @name) @definition.function
(macro_definition name: (identifier) @name) @definition.macro
; The impl's type names the scope; `impl … for &str` and `impl … for i32` too. Its trait, if any, is
; the `trait` of each method (two `fmt` of one type, from Display and Debug, stay apart).
(impl_item trait: (_)? @trait
           type: [(type_identifier) @name
                  (generic_type type: (type_identifier) @name)
                  (scoped_type_identifier name: (type_identifier) @name)
                  (primitive_type) @name
                  (reference_type type: [(type_identifier) (primitive_type)] @name)
                  (reference_type type: (generic_type type: (type_identifier) @name))]) @scope.impl
(associated_type name: (type_identifier) @name) @definition.type
; Constants and statics of a crate, module, impl or trait (none in a function body); struct and
; enum-variant fields; enum variants.
(source_file [(const_item name: (identifier) @name) (static_item name: (identifier) @name)] @definition.constant)
(declaration_list [(const_item name: (identifier) @name) (static_item name: (identifier) @name)] @definition.constant)
(field_declaration_list (field_declaration name: (field_identifier) @name) @definition.field)
(enum_variant_list (enum_variant name: (identifier) @name) @definition.enum_member)
