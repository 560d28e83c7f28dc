/** The hidden subcommand a one-shot miss runs its extraction in (src/cli/fast-extract.ts). */
export const EXTRACT_COMMAND = "__extract";
