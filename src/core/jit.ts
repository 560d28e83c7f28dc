/**
 * The compiled binary starts reluctant to JIT-compile (build.ts, `--compile-jit-policy`): most runs
 * answer from the cache in a few milliseconds, where compiling run-once code costs more than it
 * saves (`ctx search` 15.7 → 14.4 ms). Work that runs long, parsing and index builds, calls this
 * first to get the normal policy back. Idempotent and cheap.
 */
export function useNormalJit(): void {
  Bun.unsafe.setJITPolicy(1);
}
