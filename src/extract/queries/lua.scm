; Lua (@tree-sitter-grammars/tree-sitter-lua). `function M.f()` and `function M:f()` are named by their table.
(function_declaration name: [(identifier) (dot_index_expression) (method_index_expression)] @name) @definition.function
(variable_declaration
  (assignment_statement
    (variable_list name: (identifier) @name)
    (expression_list value: (function_definition)))) @definition.function
; Not the assignment inside `local f = function …` (above): one whose parent is a chunk or a block.
(chunk (assignment_statement
  (variable_list name: [(identifier) (dot_index_expression) (method_index_expression)] @name)
  (expression_list value: (function_definition))) @definition.function)
(block (assignment_statement
  (variable_list name: [(identifier) (dot_index_expression) (method_index_expression)] @name)
  (expression_list value: (function_definition))) @definition.function)
; Functions in table constructors: `{ __call = function (…) … end }`.
(field name: (identifier) @name value: (function_definition)) @definition.function
; Chunk-level variables (`local x = 1`, `x = 1`) and table fields set there (`M.version = "1"`).
(chunk (variable_declaration (assignment_statement (variable_list name: (identifier) @name))) @definition.variable)
(chunk (variable_declaration (variable_list name: (identifier) @name)) @definition.variable)
(chunk (assignment_statement (variable_list name: (identifier) @name)) @definition.variable)
(chunk (assignment_statement (variable_list name: (dot_index_expression table: (identifier) @qualifier field: (identifier) @name))) @definition.field)
