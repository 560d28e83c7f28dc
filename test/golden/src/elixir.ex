defmodule Shop.Cart do
  # Add an item.
  def add(cart, item) do
    [item | cart]
  end

  def empty, do: []

  defp total(cart) do
    Enum.sum(cart)
  end

  defmacro debug(expr) do
    expr
  end

  defguard is_even(x) when rem(x, 2) == 0
  defguardp is_odd(x) when rem(x, 2) == 1

  def left +++ right, do: left ++ right

  defmacro def(call, expr), do: {call, expr}

  for name <- [:a, :b] do
    def unquote(name)(), do: unquote(name)
  end

  for {first, last} <- [{1, 1}, {2, 5}] do
    if first == last do
      def width(unquote(first)), do: 1
    else
      def width(c) when c in unquote(first)..unquote(last), do: 2
    end
  end
end

defprotocol Shop.Priced do
  @moduledoc """
  Things with a price.
  """

  @doc "The price of a thing, in cents."
  @spec price(t) :: integer
  def price(thing)
end

defimpl Shop.Priced, for: Map do
  @doc false
  def price(map), do: Map.get(map, :price, 0)
end

defmodule Shop.Money do
  @typedoc "An amount in cents."
  @type cents :: non_neg_integer
  @callback convert(cents) :: cents
end
