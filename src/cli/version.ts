import packageJson from "../../package.json" with { type: "json" };

export const VERSION = packageJson.version;

/** The release target, defined by build.ts into a compiled binary; a source run has none. */
declare const TRIFECTA_TARGET: string | undefined;

/**
 * `trifecta --version`: the version alone on the first line (what scripts read), then what the answer
 * depends on: where it runs, and the extractor version of each language (the cache keys' fingerprints).
 */
export async function versionText(): Promise<string> {
  const [{ LANGUAGE_IDS }, { extractorVersion }] = await Promise.all([import("../languages.ts"), import("../extract/version.ts")]);
  const target = typeof TRIFECTA_TARGET === "undefined" ? `source (${process.platform}-${process.arch})` : TRIFECTA_TARGET;
  const lines = [VERSION, `target: ${target}, Bun ${Bun.version}`, "extractors:", ...LANGUAGE_IDS.map((id) => `  ${id} ${extractorVersion(id)}`)];
  return `${lines.join("\n")}\n`;
}
