; Elixir: definitions are macro calls.
(call
  target: (identifier) @_keyword
  (arguments (alias) @name)
  (#any-of? @_keyword "defmodule" "defprotocol" "defimpl")) @definition.module
; A definition stands in a file, a do-block, an else-block (a `for` generating clauses as
; `if … do def a(x) … else def a(x) when … end`, as Elixir's own unicode tables do) or a clause body, never in
; another call's arguments
; (`defmacro def(call, expr)` defines `def`, not `def.call`). Operators: `def left +++ right` is `+++`.
; `def unquote(name)()` has no name to report. One pattern per parent (a query cannot alternate a parent).
(source
(call
  target: (identifier) @_keyword
  (arguments [(call target: (identifier) @name) (identifier) @name (binary_operator left: (call target: (identifier) @name))
              (binary_operator left: (identifier) operator: _ @name right: (identifier))])
  (#any-of? @_keyword "def" "defp" "defmacro" "defmacrop" "defguard" "defguardp" "defdelegate")) @definition.function)
(do_block
(call
  target: (identifier) @_keyword
  (arguments [(call target: (identifier) @name) (identifier) @name (binary_operator left: (call target: (identifier) @name))
              (binary_operator left: (identifier) operator: _ @name right: (identifier))])
  (#any-of? @_keyword "def" "defp" "defmacro" "defmacrop" "defguard" "defguardp" "defdelegate")) @definition.function)
(body
(call
  target: (identifier) @_keyword
  (arguments [(call target: (identifier) @name) (identifier) @name (binary_operator left: (call target: (identifier) @name))
              (binary_operator left: (identifier) operator: _ @name right: (identifier))])
  (#any-of? @_keyword "def" "defp" "defmacro" "defmacrop" "defguard" "defguardp" "defdelegate")) @definition.function)
(else_block
(call
  target: (identifier) @_keyword
  (arguments [(call target: (identifier) @name) (identifier) @name (binary_operator left: (call target: (identifier) @name))
              (binary_operator left: (identifier) operator: _ @name right: (identifier))])
  (#any-of? @_keyword "def" "defp" "defmacro" "defmacrop" "defguard" "defguardp" "defdelegate")) @definition.function)
; Typespecs: `@type t :: …`, `@typep`, `@opaque` (`@type pair(a) :: …` too) are types of their module; a behaviour's
; `@callback run(term) :: :ok` declares the function its implementations define.
((unary_operator operand: (call target: (identifier) @_attribute (arguments (binary_operator left: [(identifier) @name (call target: (identifier) @name)])))) @definition.type
  (#any-of? @_attribute "type" "typep" "opaque"))
((unary_operator operand: (call target: (identifier) @_attribute (arguments (binary_operator left: (call target: (identifier) @name))))) @declaration.function
  (#any-of? @_attribute "callback" "macrocallback"))
