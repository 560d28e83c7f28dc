; Elixir references (captures: src/extract/languages/spec.ts). Everything is a call: the special
; forms and definition macros are no uses, and neither is the head a `def` defines (`def run(x)`,
; `def run(x) when …`) or a module attribute's name (`@impl true`).
((call target: (identifier) @reference.call) (#not-any-of? @reference.call "def" "defp" "defmacro" "defmacrop" "defguard" "defguardp" "defdelegate" "defmodule" "defprotocol" "defimpl" "defstruct" "defexception" "defoverridable" "alias" "import" "require" "use" "if" "unless" "case" "cond" "with" "for" "receive" "try" "quote" "unquote" "unquote_splicing" "fn" "__MODULE__" "__DIR__" "__ENV__" "__CALLER__"))
(call target: (dot left: (_) @receiver right: (identifier) @reference.call))
(call target: (identifier) @_def (arguments . [(call target: (identifier) @not_reference) (binary_operator left: (call target: (identifier) @not_reference))]) (#any-of? @_def "def" "defp" "defmacro" "defmacrop" "defguard" "defguardp" "defdelegate"))
(unary_operator operator: "@" operand: (call target: (identifier) @not_reference))
; A typespec's names (`@spec run(t) :: String.t()`) read as calls: they are types and the function
; specified, so none is reported.
((unary_operator operator: "@" operand: (call target: (identifier) @_spec)) @not_reference (#any-of? @_spec "spec" "type" "typep" "opaque" "callback" "macrocallback"))

; `alias A.B` and `alias A.B, as: C`, `import A`, `require A`, `use A`: the whole module;
; `alias A.{B, C}` names modules under `A`.
(call target: (identifier) @_import (arguments . (alias) @module @reference.import) (#any-of? @_import "alias" "import" "require" "use"))
(call target: (identifier) @_alias (arguments . (alias) @module @reference.import (keywords (pair key: (keyword) @_as value: (alias) @alias))) (#eq? @_alias "alias") (#eq? @_as "as: "))
(call target: (identifier) @_alias (arguments . (dot left: (alias) @module right: (tuple (alias) @reference.import))) (#eq? @_alias "alias"))

; `@behaviour M` implements M's callbacks; `%User{…}` builds the struct of module `User`.
(unary_operator operator: "@" operand: (call target: (identifier) @_behaviour (arguments . (alias) @reference.inherit)) (#eq? @_behaviour "behaviour"))
(struct (alias) @reference.type)
