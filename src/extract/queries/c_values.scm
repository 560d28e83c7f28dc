; C and C++ values (in both languages' query lists, src/languages.ts).
; Object-like macros are constants; variables defined outside functions (the extractor drops
; locals), not `extern` declarations nor those whose type is a macro call (`PyAPI_DATA(PyTypeObject) X;`
; declares data defined elsewhere), nor a C++ class a macro before its name garbled (`class GTEST_API_ X {`), nor the `friend class X;`
; of a class read as a block (cpp.scm), nor a type keyword a macro before it left as the name (zlib's
; `ZEXTERN int ZEXPORT deflate(…);` reads as `ZEXTERN int;`); struct and union fields; enumerators.
(preproc_def name: (identifier) @name) @definition.constant
; Function-like macros are macros: often the API itself (`EXPECT_EQ(a, b)`, `Py_INCREF(op)`).
(preproc_function_def name: (identifier) @name) @definition.macro
((declaration declarator: [(identifier) @name
   (pointer_declarator declarator: [(identifier) @name (pointer_declarator declarator: (identifier) @name) (array_declarator declarator: (identifier) @name)])
   (array_declarator declarator: (identifier) @name)
   (init_declarator declarator: [(identifier) @name
     (pointer_declarator declarator: [(identifier) @name (pointer_declarator declarator: (identifier) @name) (array_declarator declarator: (identifier) @name)])
     (array_declarator declarator: (identifier) @name)])]) @definition.variable
  (#not-match? @definition.variable "^(extern\\b|class\\b|friend\\b|\\w+\\()")
  (#not-match? @name "^(int|char|short|long|signed|unsigned|float|double|void|bool|const|volatile)$"))
(field_declaration_list (field_declaration declarator: [(field_identifier) @name
   (pointer_declarator declarator: [(field_identifier) @name (pointer_declarator declarator: (field_identifier) @name) (array_declarator declarator: (field_identifier) @name)])
   (array_declarator declarator: (field_identifier) @name)
   (function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: (field_identifier) @name)))]) @definition.field)
(enumerator name: (identifier) @name) @definition.enum_member
