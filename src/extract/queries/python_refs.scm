; Python references (captures: src/extract/languages/spec.ts).
(call function: (identifier) @reference.call)
(call function: (attribute object: (_) @receiver attribute: (identifier) @reference.call))

; `@cache`, `@app.route(...)`: a decorator, not also a call.
(decorator (identifier) @reference.decorator)
(decorator (attribute object: (_) @receiver attribute: (identifier) @reference.decorator))
(decorator (call function: (identifier) @reference.decorator))
(decorator (call function: (attribute object: (_) @receiver attribute: (identifier) @reference.decorator)))

(class_definition superclasses: (argument_list (identifier) @reference.inherit))
(class_definition superclasses: (argument_list (attribute object: (_) @receiver attribute: (identifier) @reference.inherit)))

; Annotations, and the names inside one generic (`List[Foo]`, `dict[str, m.T]`) or subscript level.
(type (identifier) @reference.type)
(type (attribute object: (_) @receiver attribute: (identifier) @reference.type))
(type (generic_type (identifier) @reference.type))
(type (generic_type (type_parameter (type (identifier) @reference.type))))
(type (generic_type (type_parameter (type (attribute object: (_) @receiver attribute: (identifier) @reference.type)))))
(type (subscript value: (identifier) @reference.type))
(type (subscript subscript: (identifier) @reference.type))
(type (subscript subscript: (attribute object: (_) @receiver attribute: (identifier) @reference.type)))
(type (binary_operator [(identifier) @reference.type (attribute object: (_) @receiver attribute: (identifier) @reference.type)]))

; `import a.b` (whole module), `import a.b as c`, `from m import x`, `from m import x as y`, `from m import *`.
(import_statement name: (dotted_name) @module @reference.import)
(import_statement name: (aliased_import name: (dotted_name) @module @reference.import alias: (identifier) @alias))
(import_from_statement module_name: (_) @module name: (dotted_name) @reference.import)
(import_from_statement module_name: (_) @module name: (aliased_import name: (dotted_name) @reference.import alias: (identifier) @alias))
(import_from_statement module_name: (_) @module (wildcard_import) @reference.import)
