import { expect, test } from "bun:test";
import { closest } from "../../../src/cli/suggest.ts";

const commands = ["build", "search", "get"];

test("a typo, a swap, a missing letter or a unique beginning finds the name meant", () => {
  expect(closest("serch", commands)).toBe("search");
  expect(closest("biuld", commands)).toBe("build");
  expect(closest("searchh", commands)).toBe("search");
  expect(closest("persist", ["persist-cache", "segment", "telemetry"])).toBe("persist-cache");
  expect(closest("segemnt", ["persist-cache", "segment", "telemetry"])).toBe("segment");
});

test("nothing close, a short word, or a beginning shared by several: no suggestion", () => {
  expect(closest("deploy", commands)).toBeUndefined();
  expect(closest("x", ["v", "f"])).toBeUndefined();
  expect(closest("ge", commands)).toBeUndefined();
  expect(closest("cache", ["cache-stats", "cache-verify"])).toBeUndefined();
  expect(closest("nope", ["format", "limit", "verbose", "cache"])).toBeUndefined();
});
