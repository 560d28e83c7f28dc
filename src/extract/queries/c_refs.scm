; C references, shared with C++ (captures: src/extract/languages/spec.ts).
; `s.f(x)`, `p->vt->f(x)`; `f(x)` is below, with the types (a macro invocation reads as a call too).
(call_expression function: (field_expression argument: (_) @receiver field: (field_identifier) @reference.call))

; `#include "x.h"`, `#include <x.h>`: the whole header (not `#include MACRO`).
(preproc_include path: [(string_literal) (system_lib_string)] @module @reference.import)

; `f(x)`, and a type named where a declaration, parameter, field, cast or sizeof says its type.
; Error recovery around macros reads keywords as names: a keyword is never a use.
([(call_expression function: (identifier) @reference.call @_word) (_ type: (type_identifier) @reference.type @_word)] (#not-any-of? @_word "if" "else" "while" "for" "do" "switch" "case" "default" "return" "goto" "sizeof" "const" "volatile" "static" "extern" "register" "inline" "typedef" "struct" "union" "enum" "int" "char" "short" "long" "signed" "unsigned" "void" "class" "namespace" "using" "template" "typename" "virtual" "friend" "public" "private" "protected" "explicit" "constexpr" "noexcept" "decltype" "typeid" "alignof" "static_assert" "requires" "operator" "this" "new" "delete"))
; `struct s` without a body in a type position is a use of `s` (with one, a definition).
(_ type: [(struct_specifier name: (type_identifier) @reference.type !body) (union_specifier name: (type_identifier) @reference.type !body) (enum_specifier name: (type_identifier) @reference.type !body)])
