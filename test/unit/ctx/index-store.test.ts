import { describe, expect, test } from "bun:test";
import { itemIds } from "../../../src/ctx/index-store.ts";

const ids = (items: [string, number][]) => itemIds("f.ts", items.map(([qualified_name, line]) => ({ qualified_name, line })));

describe("itemIds", () => {
  test("a unique name is its own id, without a line", () => {
    expect(ids([["a", 1], ["b", 9]])).toEqual(["f.ts#a", "f.ts#b"]);
  });

  test("the first definition keeps the bare id; later ones get @LINE", () => {
    expect(ids([["a", 1], ["a", 5]])).toEqual(["f.ts#a", "f.ts#a@5"]);
  });

  test("several on one line: @LINE:K by their rank on the line", () => {
    expect(ids([["a", 1], ["a", 5], ["a", 5], ["a", 5]])).toEqual(["f.ts#a", "f.ts#a@5", "f.ts#a@5:2", "f.ts#a@5:3"]);
  });

  test("the bare first one still counts as rank 1 of its line", () => {
    expect(ids([["a", 3], ["a", 3]])).toEqual(["f.ts#a", "f.ts#a@3:2"]);
  });

  test("a name that itself ends in @N cannot take another's id", () => {
    expect(ids([["a@3", 1], ["a", 1], ["a", 3]])).toEqual(["f.ts#a@3", "f.ts#a", "f.ts#a@3:2"]);
    expect(ids([["a", 1], ["a", 5], ["a@5", 9]])).toEqual(["f.ts#a", "f.ts#a@5", "f.ts#a@5@9"]);
  });

  test("every id is distinct under adversarial names", () => {
    const result = ids([["a", 3], ["a", 3], ["a@3", 3], ["a", 3], ["a@3:3", 1], ["a", 3], ["a@3", 3]]);
    expect(new Set(result).size).toBe(result.length);
  });

  test("the file is part of the id", () => {
    expect(itemIds("dir/x.md", [{ qualified_name: "intro", line: 1 }])).toEqual(["dir/x.md#intro"]);
  });
});
