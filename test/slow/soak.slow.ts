import { expect, test } from "bun:test";
import { runCtxSoak, runSoak } from "../../bench/soak.ts";

// Two soaks at the sizes the default suite ran until issue 11's 90 s budget (test/cache-concurrency.test.ts and
// test/ctx-faults.test.ts now run smaller ones of the same checks; `bun bench/soak.ts` runs the large ones).

test("soak under a budget of a few KB: eviction races with reads, writes and clears, and nothing fails", async () => {
  const result = await runSoak(4, 10, { seed: 11, env: { TRIFECTA_CACHE_MAX_BYTES: "2500" } });
  expect(result.failures).toEqual([]);
  expect(result.wrongAnswers).toBe(0);
  expect(result.answersChecked).toBeGreaterThan(0);
  expect(result.verifyClean).toBe(true);
}, 600_000);

test("ctx soak: builds, searches and gets from several processes with SIGKILLs, edits and database damage", async () => {
  const result = await runCtxSoak(3, 18, { seed: 11, stdlibFiles: 80, generated: 30 });
  console.log(`ctx soak: ${result.processes} processes, ${result.kills} killed, ${result.damage.quiet + result.damage.live} damage events, ${result.piecesChecked} pieces, ${result.hitsChecked} hits and ${result.usesChecked} uses checked`);
  expect(result.failed).toEqual([]);
  expect(result.wrongAnswers).toEqual([]);
  expect(result.incompleteClaimedComplete).toEqual([]);
  expect(result.final.violations).toEqual([]);
  expect(result.piecesChecked + result.hitsChecked).toBeGreaterThan(20);
}, 600_000);
