; Swift references (captures: src/extract/languages/spec.ts). `Item(...)` both calls and
; constructs (below, with the types); `a.b.f()` and `a?.f()` are navigations with the receiver as target.
; A subscript `xs[1]` reads as a call too: a call has parentheses or a trailing closure.
(call_expression . (navigation_expression target: (_) @receiver suffix: (navigation_suffix suffix: (simple_identifier) @reference.call)) (call_suffix [(value_arguments "(") (lambda_literal)]))

; `import Foundation`, `@testable import A.B`: the whole module.
(import_declaration (identifier) @module @reference.import)

; Every named type (`A.B` names both), the type an extension extends included; a superclass or
; protocol after `:`; an attribute or property wrapper (`@objc`, `@Published`).
; Keywords the grammar reads as names (`T.Type`, `Self(...)`, newer syntax it does not know) are no uses.
([(call_expression . (simple_identifier) @reference.call @_word (call_suffix [(value_arguments "(") (lambda_literal)])) (user_type (type_identifier) @reference.type @_word)] (#not-any-of? @_word "Self" "self" "Type" "Protocol" "throws" "rethrows" "async" "await" "any" "some" "if" "switch" "defer" "case" "try" "return"))
(inheritance_specifier inherits_from: (user_type (type_identifier) @reference.inherit))
(attribute (user_type (type_identifier) @reference.decorator))
