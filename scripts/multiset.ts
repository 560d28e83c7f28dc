/** Compares two lists as multisets: how many of `expected` are in `actual`, and what each side has alone. */
export function compareMultisets(expected: readonly string[], actual: readonly string[]): { matched: number; onlyExpected: string[]; onlyActual: string[] } {
  const remaining = new Map<string, number>();
  for (const key of actual) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  const onlyExpected: string[] = [];
  let matched = 0;
  for (const key of expected) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      matched++;
    } else onlyExpected.push(key);
  }
  return { matched, onlyExpected, onlyActual: [...remaining].flatMap(([key, n]) => Array<string>(n).fill(key)) };
}
