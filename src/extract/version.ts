import type { LanguageId } from "../languages.ts";

/** The extractor version of a language, for cache keys (how it is made: fingerprint.ts). */
declare const TRIFECTA_EXTRACTOR_VERSIONS: Record<LanguageId, string> | undefined;

const computed: Partial<Record<LanguageId, string>> = {};

/**
 * Compiled binaries carry every version, defined by build.ts. Source runs hash the files once per
 * language, and only they load fingerprint.ts to do it.
 */
export function extractorVersion(languageId: LanguageId): string {
  if (typeof TRIFECTA_EXTRACTOR_VERSIONS !== "undefined") return TRIFECTA_EXTRACTOR_VERSIONS[languageId];
  let version = computed[languageId];
  if (!version) {
    const { fingerprintOf } = require("./fingerprint.ts") as typeof import("./fingerprint.ts");
    version = fingerprintOf(languageId);
    computed[languageId] = version;
  }
  return version;
}
