; Python definitions. The extractor nests them by range, so a def inside a class
; body (directly or under if/try/with) becomes a method, any other def a function.
(class_definition
  name: (identifier) @name) @definition.class

(function_definition
  name: (identifier) @name) @definition.function

; Assignment targets that are plain names, also in tuple and list targets (starred, nested once,
; starred in a nested one):
; a variable in a module, a field in a class body, nothing in a def (the extractor drops locals).
(assignment left: (identifier) @name) @definition.variable
(assignment left: [(pattern_list (identifier) @name) (tuple_pattern (identifier) @name) (list_pattern (identifier) @name)]) @definition.variable
(assignment left: [(pattern_list (list_splat_pattern (identifier) @name)) (tuple_pattern (list_splat_pattern (identifier) @name)) (list_pattern (list_splat_pattern (identifier) @name))]) @definition.variable
(assignment left: [(pattern_list [(tuple_pattern (identifier) @name) (list_pattern (identifier) @name)]) (tuple_pattern [(tuple_pattern (identifier) @name) (list_pattern (identifier) @name)]) (list_pattern [(tuple_pattern (identifier) @name) (list_pattern (identifier) @name)])]) @definition.variable
(assignment left: [(pattern_list [(tuple_pattern (list_splat_pattern (identifier) @name)) (list_pattern (list_splat_pattern (identifier) @name))]) (tuple_pattern [(tuple_pattern (list_splat_pattern (identifier) @name)) (list_pattern (list_splat_pattern (identifier) @name))]) (list_pattern [(tuple_pattern (list_splat_pattern (identifier) @name)) (list_pattern (list_splat_pattern (identifier) @name))])]) @definition.variable
