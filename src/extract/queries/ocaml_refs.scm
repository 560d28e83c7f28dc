; OCaml references (captures: src/extract/languages/spec.ts). Of the two readings of `List.iter x`,
; the one through its module path is kept.
(application_expression function: (value_path (value_name) @reference.call))
(application_expression function: (value_path (module_path) @receiver (value_name) @reference.call))
; A functor applied: `Map.Make (String)`.
(module_application functor: (module_path (module_name) @reference.call))
(module_application functor: (module_path (module_path) @receiver (module_name) @reference.call))

; `open M`, `include M`, `let open M in …`: the whole module.
(open_module (module_path) @module @reference.import)
(include_module (module_path) @module @reference.import)
(let_open_expression (open_module (module_path) @module @reference.import))

; `int`, `Foo.t`, `'a list` in annotations, signatures and type definitions.
; `_` is no name.
((type_constructor_path (type_constructor) @reference.type) (#not-eq? @reference.type "_"))
(type_constructor_path (extended_module_path) @receiver (type_constructor) @reference.type)

; A module type named: `include Map.S with …`, `module Table : Hashtbl.S`, `(H : Hashtbl.HashedType)`.
(module_type_path (extended_module_path) @receiver (module_type_name) @reference.type)
(module_type_path . (module_type_name) @reference.type)
