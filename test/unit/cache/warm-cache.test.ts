import { describe, expect, test } from "bun:test";
import { MemoryAstCache } from "../../../src/cache/memory-cache.ts";
import type { CacheEvent } from "../../../src/cache/types.ts";
import { WarmExtractions } from "../../../src/cache/warm-cache.ts";
import type { Extraction } from "../../../src/extract/types.ts";

const extraction = (names: string[]): Extraction =>
  ({
    language: "python",
    parse_status: "ok",
    parse_errors: 0,
    symbols: names.map((name, i) => ({ kind: "function", name, qualified_name: name, line: i + 1, end_line: i + 1, signature: `def ${name}():`, doc: null, parent: null })),
    references: [],
  }) as unknown as Extraction;

/** A persistent cache stand-in that counts what reaches it. */
function counted() {
  const events: CacheEvent[] = [];
  return { cache: new MemoryAstCache((e) => events.push(e)), lookups: () => events.filter((e) => e.type === "hit" || e.type === "miss").length };
}

describe("WarmExtractions", () => {
  test("a second lookup of a key is answered from memory, frozen, and the same answer", () => {
    const { cache, lookups } = counted();
    cache.store({ key: "k1", fileRel: "a.py", extraction: extraction(["a", "b"]) });
    const warm = new WarmExtractions().over(cache);
    const first = warm.lookup("k1");
    const second = warm.lookup("k1");
    expect(lookups()).toBe(1);
    expect(first.status === "hit" && second.status === "hit" && first.extraction === second.extraction).toBe(true);
    if (second.status !== "hit") throw new Error("expected a hit");
    expect(second.extraction.symbols.map((s) => s.name)).toEqual(["a", "b"]);
    expect(() => {
      (second.extraction.symbols[0] as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  test("what is stored through it is warm; a miss stays a miss and is asked again", () => {
    const { cache, lookups } = counted();
    const warm = new WarmExtractions().over(cache);
    expect(warm.lookup("k2").status).toBe("miss");
    expect(warm.lookup("k2").status).toBe("miss");
    expect(lookups()).toBe(2);
    warm.store({ key: "k2", fileRel: "b.py", extraction: extraction(["c"]) });
    expect(warm.lookup("k2").status).toBe("hit");
    expect(lookups()).toBe(2);
  });

  test("memory is bounded by records: the least recently used entry goes first", () => {
    const { cache, lookups } = counted();
    for (const key of ["x", "y", "z"]) cache.store({ key, fileRel: `${key}.py`, extraction: extraction(["f1", "f2"]) });
    // Each entry counts 3 records (two symbols + one); room for two entries.
    const warm = new WarmExtractions(6).over(cache);
    warm.lookup("x");
    warm.lookup("y");
    warm.lookup("x"); // x is now the most recent
    warm.lookup("z"); // y goes
    const before = lookups();
    warm.lookup("x");
    warm.lookup("z");
    expect(lookups()).toBe(before);
    warm.lookup("y");
    expect(lookups()).toBe(before + 1);
  });

  test("an entry older than the age limit is looked up again (the persistent cache keeps its last-use times)", () => {
    const { cache, lookups } = counted();
    cache.store({ key: "old", fileRel: "o.py", extraction: extraction(["o"]) });
    const warm = new WarmExtractions(1000, 0).over(cache);
    warm.lookup("old");
    warm.lookup("old");
    expect(lookups()).toBe(2);
  });
});
