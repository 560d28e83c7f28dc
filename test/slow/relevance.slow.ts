import { expect, test } from "bun:test";
import { evaluateRelevance } from "../../bench/relevance.ts";

test("real code: recall@5 >= 0.8 on the relevance set over the whole standard library", async () => {
  const result = await evaluateRelevance();
  expect(result.queries).toBeGreaterThanOrEqual(30);
  expect(result.recallAt5).toBeGreaterThanOrEqual(0.8);
}, 600_000);
