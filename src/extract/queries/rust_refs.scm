; Rust references (captures: src/extract/languages/spec.ts).
; `f()`, `self.f()`, `a::b::f()`, `Vec::new()`, `f::<T>()`, tuple structs and variants (`Some(x)`), macros (`vec![]`).
(call_expression function: (identifier) @reference.call)
(call_expression function: (field_expression value: (_) @receiver field: (field_identifier) @reference.call))
(call_expression function: (scoped_identifier path: (_) @receiver name: (identifier) @reference.call))
(call_expression function: (generic_function function: [
  (identifier) @reference.call
  (field_expression value: (_) @receiver field: (field_identifier) @reference.call)
  (scoped_identifier path: (_) @receiver name: (identifier) @reference.call)]))
(macro_invocation macro: (identifier) @reference.call)
(macro_invocation macro: (scoped_identifier path: (_) @receiver name: (identifier) @reference.call))

; `use a::b::C;`, `use a::B as C;`, `use a::{B, C as D, e::F, g::{H}};` (a name under a nested path keeps that
; path as its receiver), `use a::*;` and `use serde;` (whole module), `extern crate x (as y);`.
(use_declaration argument: (scoped_identifier path: (_) @module name: (identifier) @reference.import))
(use_declaration argument: (identifier) @module @reference.import)
(use_declaration argument: (use_as_clause path: (scoped_identifier path: (_) @module name: (identifier) @reference.import) alias: (identifier) @alias))
(use_declaration argument: (use_as_clause path: (identifier) @module @reference.import alias: (identifier) @alias))
(use_declaration argument: (use_wildcard . (_) @module @reference.import))
(use_declaration argument: (scoped_use_list path: (_) @module list: (use_list [
  (identifier) @reference.import
  (scoped_identifier path: (_) @receiver name: (identifier) @reference.import)
  (use_as_clause path: (identifier) @reference.import alias: (identifier) @alias)
  (use_as_clause path: (scoped_identifier path: (_) @receiver name: (identifier) @reference.import) alias: (identifier) @alias)])))
(use_declaration argument: (scoped_use_list path: (_) @module list: (use_list (scoped_use_list path: (_) @receiver list: (use_list [
  (identifier) @reference.import
  (use_as_clause path: (identifier) @reference.import alias: (identifier) @alias)])))))
; `use a::b::{self, ..}` imports `a::b` itself, as `use a::b;` does.
(use_declaration argument: (scoped_use_list path: (scoped_identifier path: (_) @module name: (identifier) @reference.import) list: (use_list (self))))
(use_declaration argument: (scoped_use_list path: (identifier) @module @reference.import list: (use_list (self))))
(extern_crate_declaration name: (identifier) @module @reference.import alias: (identifier)? @alias)

; `impl Trait for T`, `trait T: Super + fmt::Debug`.
(impl_item trait: [
  (type_identifier) @reference.inherit
  (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.inherit)
  (generic_type type: [(type_identifier) @reference.inherit (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.inherit)])])
(trait_item bounds: (trait_bounds [
  (type_identifier) @reference.inherit
  (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.inherit)
  (generic_type type: [(type_identifier) @reference.inherit (scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.inherit)])]))

; `#[inline]`, `#[tokio::main]`, and the traits a `#[derive(Debug, serde::Serialize)]` names.
(attribute . (identifier) @reference.decorator)
(attribute . (scoped_identifier path: (_) @receiver name: (identifier) @reference.decorator))
(attribute (identifier) @_derive arguments: (token_tree ["(" ","] . (identifier) @reference.decorator . [")" ","]) (#eq? @_derive "derive"))
(attribute (identifier) @_derive arguments: (token_tree (identifier) @receiver . "::" . (identifier) @reference.decorator . [")" ","]) (#eq? @_derive "derive"))

; Type uses: a generic's or a path's type anywhere, a bare name where a type is written (not a declaration's
; name nor a type parameter's); `S { .. }` names S as a type.
(generic_type type: (type_identifier) @reference.type)
(scoped_type_identifier path: (_) @receiver name: (type_identifier) @reference.type)
; `Self` is the impl's type, not a name to look up.
([
  (type_arguments (type_identifier) @reference.type)
  (field_declaration type: (type_identifier) @reference.type)
  (ordered_field_declaration_list type: (type_identifier) @reference.type)
  (parameter type: (type_identifier) @reference.type)
  (function_item return_type: (type_identifier) @reference.type)
  (function_signature_item return_type: (type_identifier) @reference.type)
  (closure_expression return_type: (type_identifier) @reference.type)
  (function_type return_type: (type_identifier) @reference.type)
  (function_type trait: (type_identifier) @reference.type)
  (function_type parameters: (parameters (type_identifier) @reference.type))
  (let_declaration type: (type_identifier) @reference.type)
  (reference_type type: (type_identifier) @reference.type)
  (pointer_type type: (type_identifier) @reference.type)
  (array_type element: (type_identifier) @reference.type)
  (tuple_type (type_identifier) @reference.type)
  (trait_bounds (type_identifier) @reference.type)
  (abstract_type trait: (type_identifier) @reference.type)
  (dynamic_type trait: (type_identifier) @reference.type)
  (type_item type: (type_identifier) @reference.type)
  (const_item type: (type_identifier) @reference.type)
  (static_item type: (type_identifier) @reference.type)
  (type_cast_expression type: (type_identifier) @reference.type)
  (qualified_type type: (type_identifier) @reference.type)
  (qualified_type alias: (type_identifier) @reference.type)
  (type_binding type: (type_identifier) @reference.type)
  (where_predicate left: (type_identifier) @reference.type)
  (impl_item type: (type_identifier) @reference.type)
  (struct_expression name: (type_identifier) @reference.type)
  (struct_pattern type: (type_identifier) @reference.type)]
  (#not-eq? @reference.type "Self"))
