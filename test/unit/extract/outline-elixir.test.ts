import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

// Elixir documents with attributes: `@moduledoc`, and `@doc` over a function's `@spec` (a heredoc, a sigil,
// `@doc false`); a `#` comment is a doc only where no attribute is. An implementation is the module Elixir
// makes of it, `Protocol.Type`.
const SOURCE = `defmodule Shop.Cart do
  @moduledoc ~S"""
  A cart of items.
  """

  @doc """
  Adds an item.
  """
  @spec add(list, term) :: list
  def add(cart, item), do: [item | cart]

  @doc false
  def internal, do: :ok

  # Empties the cart.
  def clear(_cart), do: []

  defmacro when_full(cart, do: block), do: block
end

defimpl Enumerable, for: Shop.Cart do
  def count(_cart), do: {:ok, 0}
end
`;

test("Elixir: @moduledoc and @doc are docs; defimpl is Protocol.Type; a one-line body is no part of the signature", async () => {
  const symbols = (await extractSymbols("elixir", SOURCE)).symbols.map((s) => [s.qualified_name, s.signature, s.doc]);
  expect(symbols).toEqual([
    ["Shop.Cart", "defmodule Shop.Cart", "A cart of items."],
    ["Shop.Cart.add", "def add(cart, item)", "Adds an item."],
    ["Shop.Cart.internal", "def internal", null],
    ["Shop.Cart.clear", "def clear(_cart)", "Empties the cart."],
    ["Shop.Cart.when_full", "defmacro when_full(cart, do: block)", null],
    ["Enumerable.Shop.Cart", "defimpl Enumerable, for: Shop.Cart", null],
    ["Enumerable.Shop.Cart.count", "def count(_cart)", null],
  ]);
});
