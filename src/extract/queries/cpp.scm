; C++. Out-of-line `A::f` definitions are named by their scope.
(namespace_definition name: (_) @name) @definition.module
(class_specifier name: (type_identifier) @name body: (_)) @definition.class
(struct_specifier name: (type_identifier) @name body: (_)) @definition.struct
(union_specifier name: (type_identifier) @name body: (_)) @definition.union
(enum_specifier name: (type_identifier) @name body: (_)) @definition.enum
(type_definition declarator: (type_identifier) @name) @definition.type
(alias_declaration name: (type_identifier) @name) @definition.type
(function_definition declarator: (function_declarator declarator: [(identifier) (field_identifier) (qualified_identifier) (destructor_name) (operator_name)] @name)) @definition.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: [(identifier) (field_identifier) (qualified_identifier) (operator_name)] @name))) @definition.function
(function_definition declarator: (reference_declarator (function_declarator declarator: [(identifier) (field_identifier) (qualified_identifier) (operator_name)] @name))) @definition.function
; Explicit specialisations: `template <> int* make<int>() {…}`, `template <> struct S<int> {…}`.
(function_definition declarator: (function_declarator declarator: (template_function name: (identifier) @name))) @definition.function
(function_definition declarator: (pointer_declarator declarator: (function_declarator declarator: (template_function name: (identifier) @name)))) @definition.function
(function_definition declarator: (reference_declarator (function_declarator declarator: (template_function name: (identifier) @name)))) @definition.function
(class_specifier name: (template_type name: (type_identifier) @name) body: (_)) @definition.class
(struct_specifier name: (template_type name: (type_identifier) @name) body: (_)) @definition.struct
; Member functions declared in the class (`static const char* name();`, `Q& operator=(const Q&);`,
; constructors and destructors `Q(const Q&);`, `~Q();`).
(field_declaration declarator: (function_declarator declarator: [(field_identifier) (destructor_name) (operator_name)] @name)) @definition.method
(field_declaration declarator: [(pointer_declarator declarator: (function_declarator declarator: [(field_identifier) (operator_name)] @name))
                                (reference_declarator (function_declarator declarator: [(field_identifier) (operator_name)] @name))]) @definition.method
(field_declaration_list (declaration declarator: (function_declarator declarator: [(identifier) (destructor_name) (operator_name)] @name)) @definition.method)
; `typedef int Fn(bool);`
(type_definition declarator: (function_declarator declarator: (type_identifier) @name)) @definition.type
(type_definition declarator: (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @name)))) @definition.type
; A macro between `class` and the name (`class GTEST_API_ Test {…}`) reads as a function `Test` of type
; `class GTEST_API_` with a block for a body (no C++ function is named without a parameter list): a
; class, whose member functions declared in it read as statements (`virtual void SetUp();`, also right
; after an access label: `public: ~Test();`; constructors read as calls, and are lost).
(function_definition type: (class_specifier name: (type_identifier) !body) declarator: (identifier) @name body: (compound_statement)) @definition.class
(function_definition type: (struct_specifier name: (type_identifier) !body) declarator: (identifier) @name body: (compound_statement)) @definition.struct
(function_definition type: [(class_specifier !body) (struct_specifier !body)] declarator: (identifier) body: (compound_statement [
  (declaration declarator: [(function_declarator declarator: [(identifier) (destructor_name) (operator_name)] @name)
                            (pointer_declarator declarator: (function_declarator declarator: [(identifier) (operator_name)] @name))
                            (reference_declarator (function_declarator declarator: [(identifier) (operator_name)] @name))]) @definition.method
  (labeled_statement (declaration declarator: [(function_declarator declarator: [(identifier) (destructor_name) (operator_name)] @name)
                                               (pointer_declarator declarator: (function_declarator declarator: [(identifier) (operator_name)] @name))
                                               (reference_declarator (function_declarator declarator: [(identifier) (operator_name)] @name))]) @definition.method)]))
; A static data member defined out of the class (`int Counter::calls = 0;`, `const char* const T::s_ = "";`)
; is named by its scope, as an out-of-line member function is (not a name an error
; ends in `&>`).
((declaration declarator: [(qualified_identifier) @name
   (pointer_declarator declarator: (qualified_identifier) @name)
   (init_declarator declarator: [(qualified_identifier) @name (pointer_declarator declarator: (qualified_identifier) @name)])]) @definition.variable
  (#not-match? @definition.variable "^(extern|friend)\\b")
  (#not-match? @name "&"))
; Functions declared without a body outside a class (`std::error_code real_path(const Twine &);`): what
; a header gives, with the doc above it; in a class, the method the patterns above name (a node's first
; match wins). Calls resolve to the definition where both are in the segment (src/graph/resolver.ts).
; A declaration that holds another's `;` is two a macro garbled (`f(…) __THROW;` then the next): left out.
((declaration declarator: [(function_declarator declarator: [(identifier) (qualified_identifier) (operator_name)] @name)
                           (pointer_declarator declarator: (function_declarator declarator: [(identifier) (qualified_identifier) (operator_name)] @name))
                           (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: [(identifier) (qualified_identifier) (operator_name)] @name)))
                           (reference_declarator (function_declarator declarator: [(identifier) (qualified_identifier) (operator_name)] @name))]) @declaration.function
  (#not-match? @declaration.function ";[\\s\\S]"))
