import { python } from "./python.ts";
import type { LanguageSpec } from "./spec.ts";

export const SPECS: ReadonlyMap<string, LanguageSpec> = new Map([[python.id, python]]);
