; JSX references (javascript, tsx; captures: src/extract/languages/spec.ts): `<Foo />`, `<ns.Foo>` render,
; that is call, a component; a lower-case `<div>` is an element, no name to look up. A closing tag is not counted.
([(jsx_opening_element name: (identifier) @reference.call) (jsx_self_closing_element name: (identifier) @reference.call)]
  (#match? @reference.call "^[A-Z]"))
[(jsx_opening_element name: (member_expression object: (_) @receiver property: (property_identifier) @reference.call))
 (jsx_self_closing_element name: (member_expression object: (_) @receiver property: (property_identifier) @reference.call))]
