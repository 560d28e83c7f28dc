import type { ContextIndex, IndexItem } from "./index-store.ts";

/** How many definitions of a qualified query's tail are looked at for the module it names. */
const QUALIFIED_CANDIDATES = 1000;

/**
 * The definitions a qualified identifier names, as stack traces and docs write them (`java.util.HashMap.put`,
 * `http.Get`, `net/http.Client.Do`, `std::collections::HashMap::insert`): the longest tail that is a definition's
 * qualified name (`HashMap.put`, `Get`) in a file whose path holds the rest in order, as folders or its own name
 * (`java/util/HashMap.java`, `net/http/client.go`). `java.util.HashMap.put` had `HashMap.put` outside the top 3 and
 * `http.Get` not at all (every `Get` method).
 */
export function qualifiedTargets(index: ContextIndex, query: string): IndexItem[] {
  const asked = query.trim();
  if (!/^[\w$]+(?:(?:\.|::|\/|#|->)[\w$]+)+$/.test(asked)) return [];
  const parts = asked.split(/\.|::|\/|#|->/);
  for (let k = parts.length - 1; k >= 1; k--) {
    const tail = parts.slice(parts.length - k).join(".");
    const module = parts.slice(0, parts.length - k).map((p) => p.toLowerCase());
    const found = index.byName(tail, QUALIFIED_CANDIDATES).filter((item) => item.qualified_name === tail && item.kind !== "section" && inModule(item.file_rel, module));
    if (found.length > 0) return found;
  }
  return [];
}

/** Whether a file's path holds these names in order, as folders or as its own name without extension. */
function inModule(fileRel: string, module: readonly string[]): boolean {
  const steps = fileRel.toLowerCase().split("/");
  steps[steps.length - 1] = steps.at(-1)!.replace(/\..*$/, "");
  let at = 0;
  for (const step of steps) if (at < module.length && step === module[at]) at++;
  return at === module.length;
}
