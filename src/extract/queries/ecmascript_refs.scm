; JavaScript/TypeScript references (captures: src/extract/languages/spec.ts); TS-only syntax: typescript_refs.scm.
; `f()`, `a.b.f()`, `this.#f()`, `f<T>()`, tagged templates; `new X()` and `new ns.X()` call X.
(call_expression function: (identifier) @reference.call)
(call_expression function: (member_expression object: (_) @receiver property: [(property_identifier) (private_property_identifier)] @reference.call))
(new_expression constructor: (identifier) @reference.call)
(new_expression constructor: (member_expression object: (_) @receiver property: (property_identifier) @reference.call))

; `@dec`, `@ns.dec`, `@dec(...)`: a decorator, not also a call.
(decorator (identifier) @reference.decorator)
(decorator (member_expression object: (_) @receiver property: (property_identifier) @reference.decorator))
(decorator (call_expression function: (identifier) @reference.decorator))
(decorator (call_expression function: (member_expression object: (_) @receiver property: (property_identifier) @reference.decorator)))

; `import d from "m"` (the default export, named by its local binding), `import {a as b}`, `import * as ns`
; and `import "m"` (whole module), `export {a as b} from`, `export * (as ns) from`, `import("m")`.
(import_statement (import_clause (identifier) @reference.import) source: (string) @module)
(import_statement (import_clause (named_imports (import_specifier name: (_) @reference.import alias: (_)? @alias))) source: (string) @module)
(import_statement (import_clause (namespace_import (identifier) @alias)) source: (string) @module @reference.import)
(import_statement . "import" . source: (string) @module @reference.import)
(export_statement (export_clause (export_specifier name: (_) @reference.import alias: (_)? @alias)) source: (string) @module)
(export_statement . "export" . "*" source: (string) @module @reference.import)
(export_statement (namespace_export (_) @alias) source: (string) @module @reference.import)
(call_expression function: (import) arguments: (arguments . (string) @module @reference.import))

; CommonJS: `const m = require("m")` binds the whole module, `const {a, b: c} = require("m")` its names.
(variable_declarator name: (identifier) @alias value: (call_expression function: (identifier) @_require arguments: (arguments . (string) @module @reference.import .)) (#eq? @_require "require"))
(variable_declarator
  name: (object_pattern [(shorthand_property_identifier_pattern) @reference.import (pair_pattern key: (property_identifier) @reference.import value: (identifier) @alias)])
  value: (call_expression function: (identifier) @_require arguments: (arguments . (string) @module .)) (#eq? @_require "require"))
(expression_statement (call_expression function: (identifier) @_require arguments: (arguments . (string) @module @reference.import .)) (#eq? @_require "require"))
