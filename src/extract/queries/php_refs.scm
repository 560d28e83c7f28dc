; PHP references (captures: src/extract/languages/spec.ts). A name written `A\B\C` is a
; `qualified_name`: its `namespace_name_as_prefix` (`A\B\`, or `\` alone) is the receiver.
; `isset(...)` and the like are language constructs, not functions.
((function_call_expression function: (name) @reference.call) (#not-any-of? @reference.call "isset" "empty" "unset" "eval" "exit" "die" "list"))
(function_call_expression function: (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.call))
(member_call_expression object: (_) @receiver name: (name) @reference.call)
(nullsafe_member_call_expression object: (_) @receiver name: (name) @reference.call)
(scoped_call_expression scope: (_) @receiver name: (name) @reference.call)
(object_creation_expression (name) @reference.call)
(object_creation_expression (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.call))

; `use A\B\C;`, `use A\B as C;`, `use function A\f;`, `use A\{B, C as D};`
(namespace_use_clause (name) @reference.import (namespace_aliasing_clause (name) @alias)?)
(namespace_use_clause (qualified_name (namespace_name_as_prefix (namespace_name) @module) (name) @reference.import) (namespace_aliasing_clause (name) @alias)?)
(namespace_use_declaration (namespace_name) @module (namespace_use_group (namespace_use_group_clause (namespace_name (name) @reference.import .) (namespace_aliasing_clause (name) @alias)?)))

; `require 'x.php'` and the like: the whole file, when named by a literal.
(include_expression [(string . (string_content) @module @reference.import .) (encapsed_string . (string_content) @module @reference.import .)])
(include_once_expression [(string . (string_content) @module @reference.import .) (encapsed_string . (string_content) @module @reference.import .)])
(require_expression [(string . (string_content) @module @reference.import .) (encapsed_string . (string_content) @module @reference.import .)])
(require_once_expression [(string . (string_content) @module @reference.import .) (encapsed_string . (string_content) @module @reference.import .)])

; Types of parameters, returns, properties and catches (not `self`, `static`, `parent`), `instanceof`
; operands, and the class of `Foo::class` / `Foo::CONST`.
((named_type (name) @reference.type) (#not-any-of? @reference.type "self" "static" "parent"))
(named_type (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.type))
(binary_expression "instanceof" right: [(name) @reference.type (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.type)])
(class_constant_access_expression . [(name) @reference.type (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.type)])

; `extends`, `implements`, and `use Trait;` in a class body.
(base_clause (name) @reference.inherit)
(base_clause (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.inherit))
(class_interface_clause (name) @reference.inherit)
(class_interface_clause (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.inherit))
(use_declaration (name) @reference.inherit)
(use_declaration (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.inherit))

(attribute (name) @reference.decorator)
(attribute (qualified_name (namespace_name_as_prefix) @receiver (name) @reference.decorator))
