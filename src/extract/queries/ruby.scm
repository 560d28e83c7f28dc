; Ruby.
(module name: (_) @name) @definition.module
(class name: (_) @name) @definition.class
; `class << other` names what it holds after `other`; `class << self` holds the class's own singleton methods,
; named as `def self.x` names them (csv.rb's CSV.parse, not CSV.self.parse).
((singleton_class value: (_) @name) @scope.class (#not-eq? @name "self"))
(method name: (_) @name) @definition.function
(singleton_method name: (_) @name) @definition.method
; Constants: `NAME = …` in a file, module or class body.
(assignment left: (constant) @name) @definition.constant
