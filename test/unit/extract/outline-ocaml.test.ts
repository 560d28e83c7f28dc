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
