; ECMAScript module values and exports (in javascript's and typescript's query lists, src/languages.ts):
; module-level constants (`const`) and variables (`let`, `var`), destructured names among them.
(program [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])
(program (export_statement declaration: [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))
(program [(lexical_declaration kind: "const" (variable_declarator name: [(object_pattern [(shorthand_property_identifier_pattern) @name (pair_pattern value: (identifier) @name)]) (array_pattern (identifier) @name)]) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: [(object_pattern [(shorthand_property_identifier_pattern) @name (pair_pattern value: (identifier) @name)]) (array_pattern (identifier) @name)]) @definition.variable)
   (variable_declaration (variable_declarator name: [(object_pattern [(shorthand_property_identifier_pattern) @name (pair_pattern value: (identifier) @name)]) (array_pattern (identifier) @name)]) @definition.variable)])
(program (export_statement declaration: [(lexical_declaration kind: "const" (variable_declarator name: [(object_pattern [(shorthand_property_identifier_pattern) @name (pair_pattern value: (identifier) @name)]) (array_pattern (identifier) @name)]) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: [(object_pattern [(shorthand_property_identifier_pattern) @name (pair_pattern value: (identifier) @name)]) (array_pattern (identifier) @name)]) @definition.variable)
   (variable_declaration (variable_declarator name: [(object_pattern [(shorthand_property_identifier_pattern) @name (pair_pattern value: (identifier) @name)]) (array_pattern (identifier) @name)]) @definition.variable)]))
; Re-exports and exports by name: each exported name, with `from` when it comes from another module;
; `export * from "./y"` is named `*`, `export default <expression>` `default`, `export = x` `export=`.
(export_statement (export_clause (export_specifier alias: (_) @name) @definition.export) source: (string (string_fragment) @from))
(export_statement (export_clause (export_specifier name: (_) @name !alias) @definition.export) source: (string (string_fragment) @from))
(export_statement (namespace_export (_) @name) source: (string (string_fragment) @from)) @definition.export
(export_statement "*" @name . "from" source: (string (string_fragment) @from)) @definition.export
(export_statement (export_clause (export_specifier alias: (_) @name) @definition.export) !source)
(export_statement (export_clause (export_specifier name: (_) @name !alias) @definition.export) !source)
(export_statement "default" @name value: (_)) @definition.export
