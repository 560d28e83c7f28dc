; Bash.
(function_definition name: (word) @name) @definition.function
; Variables assigned at the top of the script, also through `export`, `readonly`, `declare`.
(program (variable_assignment name: (variable_name) @name) @definition.variable)
(program (declaration_command (variable_assignment name: (variable_name) @name)) @definition.variable)
