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
; Class fields (module values and exports: ecmascript_values.scm).
(field_definition property: (_) @name) @definition.field
