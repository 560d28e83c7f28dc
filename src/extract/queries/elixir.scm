; Elixir: definitions are macro calls.
(call
  target: (identifier) @_keyword
  (arguments (alias) @name)
  (#any-of? @_keyword "defmodule" "defprotocol" "defimpl")) @definition.module
(call
  target: (identifier) @_keyword
  (arguments [(call target: (identifier) @name) (identifier) @name (binary_operator left: (call target: (identifier) @name))])
  (#any-of? @_keyword "def" "defp" "defmacro" "defmacrop" "defguard" "defdelegate")) @definition.function
