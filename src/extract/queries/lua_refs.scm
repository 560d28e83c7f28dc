; Lua references (captures: src/extract/languages/spec.ts): `f(x)`, `f "s"`, `f{...}`, `t.a.f()`, `obj:m()`.
((function_call name: (identifier) @reference.call) (#not-eq? @reference.call "require"))
(function_call name: (dot_index_expression table: (_) @receiver field: (identifier) @reference.call))
(function_call name: (method_index_expression table: (_) @receiver method: (identifier) @reference.call))

; `require("m")` loads the whole module; `local m = require "m"` binds it to `m`.
(function_call name: (identifier) @_require arguments: (arguments . (string content: (string_content) @module @reference.import) .) (#eq? @_require "require"))
(assignment_statement (variable_list . (identifier) @alias .) (expression_list . (function_call name: (identifier) @_require arguments: (arguments . (string content: (string_content) @module @reference.import) .)) .) (#eq? @_require "require"))
