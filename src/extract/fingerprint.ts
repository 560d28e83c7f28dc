import { readFileSync } from "node:fs";
import { LANGUAGE_IDS, LANGUAGES, type LanguageId } from "../languages.ts";

/**
 * The extractor version in every cache key: a short hash of everything that shapes a
 * language's answer (shared extraction code with every language's hooks, the language's query and
 * grammar, the hook set its row names). The rest of its row in src/languages.ts (extensions, kinds, modules)
 * shapes no extraction.
 * build.ts computes it once and defines it into the binary; source runs hash the files
 * (src/extract/version.ts).
 */

// Code every language shares; the language's own query file and grammar are added per language.
export const SHARED_CODE = ["extractor.ts", "syntax.ts", "generic.ts", "source-text.ts", "types.ts", "languages/spec.ts", "languages/index.ts", "languages/python.ts", "languages/component.ts", "languages/code.ts", "languages/elixir.ts"];

/** The files whose bytes make up a language's fingerprint: [name used in the hash, path]. */
function fingerprintInputs(languageId: LanguageId): [string, string][] {
  const { queryFiles, referenceFiles, grammar } = LANGUAGES[languageId];
  const code = [...SHARED_CODE, ...[...queryFiles, ...referenceFiles].map((name) => `queries/${name}.scm`)];
  return [...code.map((rel): [string, string] => [rel, `${import.meta.dir}/${rel}`]), ["grammar.wasm", grammar]];
}

/** A language's extractor version: its hook set's name (src/languages.ts `hooks`) and its inputs' bytes. */
export function fingerprintOf(languageId: LanguageId): string {
  return computeFingerprint(fingerprintInputs(languageId), LANGUAGES[languageId].hooks ?? languageId);
}

function computeFingerprint(inputs: [string, string][], hookSet: string): string {
  const hasher = new Bun.CryptoHasher("sha256");
  hasher.update(`hooks:${hookSet}\0`);
  for (const [name, path] of inputs) {
    hasher.update(name);
    hasher.update("\0");
    hasher.update(readFileSync(path));
  }
  return hasher.digest("hex").slice(0, 12);
}

export function allExtractorVersions(): Record<LanguageId, string> {
  return Object.fromEntries(LANGUAGE_IDS.map((id) => [id, fingerprintOf(id)])) as Record<LanguageId, string>;
}
