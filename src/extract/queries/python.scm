; Python definitions. The extractor nests them by range, so a def inside a class
; body (directly or under if/try/with) becomes a method, any other def a function.
(class_definition
  name: (identifier) @name) @definition.class

(function_definition
  name: (identifier) @name) @definition.function
