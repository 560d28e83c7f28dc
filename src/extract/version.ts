/** The extractor version of a language, for cache keys (how it is made: fingerprint.ts). */
declare const TRIFECTA_EXTRACTOR_VERSIONS: Record<string, string> | undefined;

const computed = new Map<string, string>();

/**
 * Compiled binaries carry every version, defined by build.ts. Source runs hash the files once per
 * language, and only they load the language specs for it: ~0.4 ms of a compiled start saved.
 */
export function extractorVersion(languageId: string): string {
  const defined = typeof TRIFECTA_EXTRACTOR_VERSIONS !== "undefined" ? TRIFECTA_EXTRACTOR_VERSIONS[languageId] : undefined;
  if (defined) return defined;
  let version = computed.get(languageId);
  if (!version) {
    const { computeFingerprint, fingerprintInputs } = require("./fingerprint.ts") as typeof import("./fingerprint.ts");
    version = computeFingerprint(fingerprintInputs(languageId));
    computed.set(languageId, version);
  }
  return version;
}
