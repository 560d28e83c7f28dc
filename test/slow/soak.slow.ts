import { test } from "bun:test";
import { runCtxSoak, runSoak } from "../../bench/soak.ts";
import { expectBudgetSoakSound, expectCtxSoakSound } from "../helpers.ts";

// Two soaks at the sizes the default suite ran until issue 11's 90 s budget (test/cache-concurrency.test.ts and
// test/ctx-faults.test.ts now run smaller ones of the same checks; `bun bench/soak.ts` runs the large ones).

test("soak under a budget of a few KB: eviction races with reads, writes and clears, and nothing fails", async () => {
  const result = await runSoak(4, 10, { seed: 11, env: { TRIFECTA_CACHE_MAX_BYTES: "2500" } });
  expectBudgetSoakSound(result);
}, 600_000);

test("ctx soak: builds, searches and gets from several processes with SIGKILLs, edits and database damage", async () => {
  const result = await runCtxSoak(3, 18, { seed: 11, stdlibFiles: 80, generated: 30 });
  expectCtxSoakSound(result);
}, 600_000);
