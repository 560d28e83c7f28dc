; JavaScript, JSX, .mjs and .cjs.
(class_declaration name: (_) @name) @definition.class
(class name: (_) @name) @definition.class
(function_declaration name: (_) @name) @definition.function
(generator_function_declaration name: (_) @name) @definition.function
(method_definition name: (_) @name) @definition.method
(variable_declarator
  name: (identifier) @name
  value: [(arrow_function) (function_expression) (generator_function)
          (parenthesized_expression [(arrow_function) (function_expression) (generator_function)])]) @definition.function
(field_definition
  property: (_) @name
  value: [(arrow_function) (function_expression) (generator_function)]) @definition.method
; Top-level `exports.f = function () {…}` / `module.exports.f = () => …`
(program
  (expression_statement
    (assignment_expression
      left: (member_expression property: (property_identifier) @name)
      right: [(arrow_function) (function_expression)])) @definition.function)
;
; Values (the extractor reports none inside a function body): module-level constants (`const`) and
; variables (`let`, `var`), destructured names among them; class fields.
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
(field_definition property: (_) @name) @definition.field
; Re-exports and exports by name: each exported name, with `from` when it comes from another module;
; `export * from "./y"` is named `*`, `export default <expression>` `default`, `export = x` `export=`.
(export_statement (export_clause (export_specifier alias: (_) @name) @definition.export) source: (string (string_fragment) @from))
(export_statement (export_clause (export_specifier name: (_) @name !alias) @definition.export) source: (string (string_fragment) @from))
(export_statement (namespace_export (_) @name) source: (string (string_fragment) @from)) @definition.export
(export_statement "*" @name . "from" source: (string (string_fragment) @from)) @definition.export
(export_statement (export_clause (export_specifier alias: (_) @name) @definition.export) !source)
(export_statement (export_clause (export_specifier name: (_) @name !alias) @definition.export) !source)
(export_statement "default" @name value: (_)) @definition.export
