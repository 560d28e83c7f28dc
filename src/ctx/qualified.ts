import type { ContextIndex, IndexItem } from "./index-store.ts";

/** How many definitions of a qualified query's tail are looked at for the module it names. */
const QUALIFIED_CANDIDATES = 1000;

/**
 * The definitions a qualified identifier names, as stack traces and docs write them (`java.util.HashMap.put`,
 * `http.Get`, `net/http.Client.Do`, `std::collections::HashMap::insert`): the longest tail that is a definition's
 * qualified name (`HashMap.put`, `Get`) in a file whose path holds the rest in order, as folders or its own name
 * (`java/util/HashMap.java`, `net/http/client.go`; the segment's own folder counts, for a segment that is a
 * package: `logrus.WithField`), else a tail of two names or more anywhere. `java.util.HashMap.put`
 * had `HashMap.put` outside the top 3 and `http.Get` not at all (every `Get` method).
 */
export function qualifiedTargets(index: ContextIndex, query: string): IndexItem[] {
  const asked = query.trim();
  if (!/^[\w$]+(?:(?:\.|::|\/|#|->)[\w$]+)+$/.test(asked)) return [];
  const parts = asked.split(/\.|::|\/|#|->/);
  const named = (tail: string) => index.byName(tail, QUALIFIED_CANDIDATES).filter((item) => item.qualified_name === tail && item.kind !== "section");
  for (let k = parts.length - 1; k >= 1; k--) {
    const module = parts.slice(0, parts.length - k).map((p) => p.toLowerCase());
    // Under the segment's own folder name: a segment that is a package (`logrus.WithField` in logrus/exported.go).
    // A folder before the path only adds a place the module may be named, so every path that matched still does.
    const found = named(parts.slice(parts.length - k).join(".")).filter((item) => inModule(index.rootName === "" ? item.file_rel : `${index.rootName}/${item.file_rel}`, module));
    if (found.length > 0) return found;
  }
  // A module its files' paths do not spell (Rust's `regex::Regex::new` is in src/re_unicode.rs, re-exported), or none
  // (`Regex::captures`): a tail of a type and more is still specific; one name alone (`Get`) is not.
  for (let k = parts.length; k >= 2; k--) {
    const found = named(parts.slice(parts.length - k).join("."));
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Whether a file's path holds these names in order, as folders (a versioned one too: `regex-1.7.1` for `regex`) or
 * as its own name without extension.
 */
function inModule(fileRel: string, module: readonly string[]): boolean {
  const steps = fileRel.toLowerCase().split("/");
  steps[steps.length - 1] = steps.at(-1)!.replace(/\..*$/, "");
  const names = (step: string, name: string) => step === name || (step.startsWith(`${name}-`) && /^\d/.test(step.slice(name.length + 1)));
  let at = 0;
  for (const step of steps) if (at < module.length && names(step, module[at]!)) at++;
  return at === module.length;
}
