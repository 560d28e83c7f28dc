import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

const outline = async (source: string) => {
  const extraction = await extractSymbols("ocaml", source);
  expect(extraction.parse_status).toBe("ok");
  return extraction.symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name}`);
};

// The standard library's ephemeron.ml and hashtbl.ml: a structure given to a functor and a functor's
// parameter signature define no members of the module around them.
test("OCaml: what a functor's argument or parameter defines is not a member", async () => {
  const source = `module MakeSeeded (H : sig type t val hash : t -> int end) = struct
  type key = H.t
  let find t k = H.hash k
end
module K1 = MakeSeeded (struct type t = int let hash x = x end)
module Make (H : Hashtbl.HashedType) = struct
  include MakeSeeded (struct type t = H.t let hash (_seed : int) x = H.hash x end)
  let create sz = sz
end
`;
  expect(await outline(source)).toEqual(["1 module MakeSeeded", "2 type MakeSeeded.key", "3 function MakeSeeded.find", "5 module K1", "6 module Make", "8 function Make.create"]);
  // Uses inside the anonymous structure belong to the module holding it.
  const uses = (await extractSymbols("ocaml", source)).references.filter((r) => r.name === "hash" && r.line === 7);
  expect(uses.map((r) => r.from)).toEqual(["Make"]);
});

// list.ml and list.mli: the constructors `[]` and `(::)`, in an implementation and an interface alike.
test("OCaml: the list constructors are `[]` and `::`", async () => {
  const source = "type 'a t = 'a list = [] | (::) of 'a * 'a list\n";
  for (const language of ["ocaml", "ocaml_interface"] as const) {
    const symbols = (await extractSymbols(language, source)).symbols.map((s) => `${s.kind} ${s.qualified_name}`);
    expect(symbols).toEqual(["type t", "enum_member t.[]", "enum_member t.::"]);
  }
});

// An interface read with its own grammar: no errors where the implementation grammar made 61 of 66
// standard library `.mli` files partial; a module type's `val` is a function of it, not a method.
test("OCaml interfaces: val, external, module types, functors' signatures", async () => {
  const extraction = await extractSymbols("ocaml_interface", `module type OrderedType = sig
  type t
  val compare : t -> t -> int
end
module Make (Ord : OrderedType) : sig
  type key = Ord.t
  val empty : key list
  external find : key -> int = "caml_find"
end
`);
  expect(extraction.parse_status).toBe("ok");
  expect(extraction.symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name}`)).toEqual([
    "1 interface OrderedType",
    "2 type OrderedType.t",
    "3 function OrderedType.compare",
    "5 module Make",
    "6 type Make.key",
    "7 variable Make.empty",
    "8 function Make.find",
  ]);
});
