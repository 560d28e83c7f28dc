; Ruby.
(module name: (_) @name) @definition.module
(class name: (_) @name) @definition.class
(singleton_class value: (_) @name) @scope.class
(method name: (_) @name) @definition.function
(singleton_method name: (_) @name) @definition.method
; Constants: `NAME = …` in a file, module or class body.
(assignment left: (constant) @name) @definition.constant
