; C++ references beyond C's (captures: src/extract/languages/spec.ts). `a::b::f` nests to the
; right, so each level's scope is a `@receiver` of its own, outermost first.
(call_expression function: (qualified_identifier scope: (_) @receiver name: (identifier) @reference.call))
(call_expression function: (qualified_identifier scope: (_) @receiver name: (qualified_identifier scope: (_) @receiver name: (identifier) @reference.call)))
(call_expression function: (qualified_identifier scope: (_) @receiver name: (qualified_identifier scope: (_) @receiver name: (qualified_identifier scope: (_) @receiver name: (identifier) @reference.call))))
; `f<T>()`, `std::make_shared<T>()`, `obj.get<T>()`; the `*_cast<T>` keywords are no calls.
((call_expression function: (template_function name: (identifier) @reference.call)) (#not-match? @reference.call "^(static|dynamic|const|reinterpret)_cast$"))
(call_expression function: (qualified_identifier scope: (_) @receiver name: (template_function name: (identifier) @reference.call)))
(call_expression function: (qualified_identifier scope: (_) @receiver name: (qualified_identifier scope: (_) @receiver name: (template_function name: (identifier) @reference.call))))
(call_expression function: (field_expression argument: (_) @receiver field: (template_method name: (field_identifier) @reference.call)))

; `new T(...)` constructs `T`.
(new_expression type: (type_identifier) @reference.call)
(new_expression type: (template_type name: (type_identifier) @reference.call))
(new_expression type: (qualified_identifier scope: (_) @receiver name: (type_identifier) @reference.call))
(new_expression type: (qualified_identifier scope: (_) @receiver name: (template_type name: (type_identifier) @reference.call)))

; `using namespace a::b;` (the whole namespace), `using std::string;`.
(using_declaration "namespace" [(identifier) (qualified_identifier)] @module @reference.import)
(using_declaration (qualified_identifier scope: (_) @module name: (identifier) @reference.import))

(base_class_clause (type_identifier) @reference.inherit)
(base_class_clause (template_type name: (type_identifier) @reference.inherit))
(base_class_clause (qualified_identifier scope: (_) @receiver name: [(type_identifier) @reference.inherit (template_type name: (type_identifier) @reference.inherit)]))

; Types: `vector<T>`, `std::string`, `std::chrono::duration<R>`, `class C *p`.
(_ type: (template_type name: (type_identifier) @reference.type))
(_ type: (qualified_identifier scope: (_) @receiver name: (type_identifier) @reference.type))
(_ type: (qualified_identifier scope: (_) @receiver name: (template_type name: (type_identifier) @reference.type)))
(_ type: (qualified_identifier scope: (_) @receiver name: (qualified_identifier scope: (_) @receiver name: [(type_identifier) @reference.type (template_type name: (type_identifier) @reference.type)])))
(_ type: (class_specifier name: (type_identifier) @reference.type !body))
