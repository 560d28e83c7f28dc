; Lua. `function M.f()` and `function M:f()` are named by their table.
(function_definition_statement name: (_) @name) @definition.function
(local_function_definition_statement name: (identifier) @name) @definition.function
(local_variable_declaration
  (variable_list (variable name: (identifier) @name))
  (expression_list value: (function_definition))) @definition.function
(variable_assignment
  (variable_list (variable) @name)
  (expression_list value: (function_definition))) @definition.function
; Functions in table constructors: `{ __call = function (…) … end }`.
(field key: (identifier) @name value: (function_definition)) @definition.function
