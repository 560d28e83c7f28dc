; TypeScript and TSX.
(class_declaration name: (_) @name) @definition.class
(abstract_class_declaration name: (_) @name) @definition.class
(class name: (_) @name) @definition.class
(interface_declaration name: (_) @name) @definition.interface
(enum_declaration name: (_) @name) @definition.enum
(type_alias_declaration name: (_) @name) @definition.type
(internal_module name: (_) @name) @definition.module
(module name: (_) @name) @definition.module
(ambient_declaration "global" @name) @definition.module
(function_declaration name: (_) @name) @definition.function
(generator_function_declaration name: (_) @name) @definition.function
(function_signature name: (_) @name) @definition.function
(method_definition name: (_) @name) @definition.method
(method_signature name: (_) @name) @definition.method
(abstract_method_signature name: (_) @name) @definition.method
; Functions held by variables and class fields: `const f = () => …`, `handler = function () {…}`.
; Also wrapped in parentheses, `as` or `satisfies` (`export const v = ((x) => true) as F;`, `(<T>(x: T) => x)`).
(variable_declarator
  name: (identifier) @name
  value: [(arrow_function) (function_expression) (generator_function)
          (parenthesized_expression [(arrow_function) (function_expression) (generator_function)])
          (as_expression (parenthesized_expression [(arrow_function) (function_expression) (generator_function)]))
          (satisfies_expression (parenthesized_expression [(arrow_function) (function_expression) (generator_function)]))]) @definition.function
(public_field_definition
  name: (_) @name
  value: [(arrow_function) (function_expression) (generator_function)]) @definition.method
;
; Values (the extractor reports none inside a function body; module-level ones and exports:
; ecmascript_values.scm): `declare`d module values, namespace-level constants and variables; class
; fields, interface and object-type properties; enum members; `export = x`. One pattern per parent:
; `[(a) (b)]` before a child is a sequence of siblings, not a choice of parent, and a nested
; alternation only ever tries its first branch (measured: `let c` went missing).
(program (ambient_declaration [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))
(program (export_statement declaration: (ambient_declaration [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])))
(internal_module body: (statement_block [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))
(internal_module body: (statement_block (export_statement declaration: [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])))
(internal_module body: (statement_block (ambient_declaration [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])))
(internal_module body: (statement_block (export_statement declaration: (ambient_declaration [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))))
(module body: (statement_block [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))
(module body: (statement_block (export_statement declaration: [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])))
(module body: (statement_block (ambient_declaration [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])))
(module body: (statement_block (export_statement declaration: (ambient_declaration [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))))
(ambient_declaration "global" (statement_block [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)]))
(ambient_declaration "global" (statement_block (export_statement declaration: [(lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.constant)
   (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
   (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])))
(public_field_definition name: (_) @name) @definition.field
(interface_body (property_signature name: (_) @name) @definition.field)
(type_alias_declaration value: (object_type (property_signature name: (_) @name) @definition.field))
(enum_body [(property_identifier) (string)] @name @definition.enum_member)
(enum_body (enum_assignment name: (_) @name) @definition.enum_member)
(export_statement "=" @name (_)) @definition.export
