; Objective-C, with C's definitions and values (c.scm, c_values.scm; src/languages.ts).
; A class: its @interface and its @implementation. A category (`@interface C (Extras)`) and a class
; extension (`@interface C ()`) are no class of their own: they name the methods they add after the class.
((class_interface . (identifier) @name) @definition.class
  (#not-match? @definition.class "^@interface\\s+\\w+\\s*\\("))
((class_interface . (identifier) @name) @scope.class
  (#match? @scope.class "^@interface\\s+\\w+\\s*\\("))
((class_implementation . (identifier) @name) @definition.class
  (#not-match? @definition.class "^@implementation\\s+\\w+\\s*\\("))
((class_implementation . (identifier) @name) @scope.class
  (#match? @scope.class "^@implementation\\s+\\w+\\s*\\("))
(protocol_declaration . (identifier) @name) @definition.interface
; Methods declared (in an interface or a protocol) and defined, named by their selector (`initWithName:count:`,
; the `name` hook of src/extract/languages/index.ts reads it from the node, captured as its own name): a
; pattern with a child to capture costs 100 ms of the grammar's query compile, this one 40.
(method_declaration) @declaration.method @name
(method_definition) @definition.method @name
; Properties and instance variables are fields.
(property_declaration (struct_declaration (struct_declarator [(identifier) @name
  (pointer_declarator declarator: [(identifier) @name (pointer_declarator declarator: (identifier) @name)])]))) @definition.field
(instance_variable (struct_declaration (struct_declarator [(identifier) @name
  (pointer_declarator declarator: [(identifier) @name (pointer_declarator declarator: (identifier) @name)])]))) @definition.field
; A block typedef: `typedef void (^RCTBlock)(void);`
(type_definition declarator: (function_declarator declarator: (parenthesized_declarator (block_pointer_declarator declarator: (type_identifier) @name)))) @definition.type
