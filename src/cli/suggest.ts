/**
 * "Did you mean": the known name closest to a mistyped one, or undefined when none is close. Close is
 * a unique name it begins (`--persist` for `--persist-cache`), or an edit distance (adjacent swaps count
 * one, as `biuld`) of at most one per four characters typed, so a short word is never "corrected" into
 * an unrelated one.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  if (typed.length < 3) return undefined;
  const extending = known.filter((name) => name.startsWith(typed));
  if (extending.length === 1) return extending[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(typed.length / 4)) + 1;
  for (const name of known) {
    const distance = editDistance(typed, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The note appended to an "unknown …" message: `; did you mean 'x'?`, or nothing. */
export function didYouMean(typed: string, known: readonly string[], prefix = ""): string {
  const suggestion = closest(typed, known);
  return suggestion === undefined ? "" : `; did you mean '${prefix}${suggestion}'?`;
}
