; JavaScript-only references (captures: src/extract/languages/spec.ts).
; JavaScript's `class A extends B` / `extends ns.B` (TypeScript wraps it in an extends_clause).
(class_heritage (identifier) @reference.inherit)
(class_heritage (member_expression object: (_) @receiver property: (property_identifier) @reference.inherit))
