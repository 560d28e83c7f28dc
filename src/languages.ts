/**
 * The languages trifecta knows, with what a caller needs before any grammar is loaded:
 * the file extensions that belong to each. Extraction details live in src/extract/languages/.
 */
export interface LanguageInfo {
  readonly id: string;
  readonly extensions: readonly string[];
}

export const LANGUAGES: readonly LanguageInfo[] = [{ id: "python", extensions: [".py", ".pyi"] }];

export const LANGUAGE_IDS: readonly string[] = LANGUAGES.map((l) => l.id);

export function languageInfo(id: string): LanguageInfo | undefined {
  return LANGUAGES.find((l) => l.id === id);
}
