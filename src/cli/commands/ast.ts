import { defineCommand, type ArgsDef } from "citty";
import { persistSetting } from "../../cache/factory.ts";
import { outline } from "../../format/outline.ts";
import { snippetAnswer, symbolsAnswer } from "../../symbols/answers.ts";
import { loadModuleSymbols, type ModuleSymbols } from "../../symbols/service.ts";
import type { Result } from "../../core/result.ts";
import { LANGUAGE_IDS, LANGUAGES } from "../../languages.ts";
import { extractForCli } from "../fast-extract.ts";
import { printJson, writeStdout } from "../output.ts";
import { cacheStatsCommand, cacheVerifyCommand, clearCacheCommand } from "./cache.ts";
import { errorRecord, finish, oneOf, recorded, segmentArg, telemetryArg, type CommandRecord } from "./shared.ts";

const cacheArgs = {
  ...segmentArg,
  "persist-cache": {
    type: "boolean",
    description: "Persist the AST cache in SQLite (default on; --no-persist-cache keeps it in memory). Wins over TRIFECTA_AST_PERSIST.",
  },
  ...telemetryArg,
} satisfies ArgsDef;

const uriArg = {
  uri: { type: "positional", required: true, description: "sym://<lang>/mod/<module> | sym://<lang>/type/<module>#<Name> | sym://<lang>/file/<path> (see: ast languages)" },
} satisfies ArgsDef;

type SymbolsAnswerLike = { file_rel: string; cache_status: string; miss_reason: string; parse_status: string };

/** The telemetry record of a symbols/snippet answer: outcome fields only, never paths or source. */
function answerRecord(uri: string, loaded: Result<ModuleSymbols>, answer: Result<SymbolsAnswerLike>, extraArgs: Record<string, unknown> = {}): CommandRecord {
  const args = { uri, ...extraArgs };
  if (!loaded.ok) return { args, result: errorRecord(loaded.error) };
  const { files, cacheEvents, phases } = loaded.value;
  const first = files[0]!;
  const outcome = answer.ok
    ? { file_rel: answer.value.file_rel, cache_status: answer.value.cache_status, miss_reason: answer.value.miss_reason, parse_status: answer.value.parse_status, symbols: files.reduce((n, f) => n + f.extraction.symbols.length, 0) }
    : { file_rel: first.file.fileRel, cache_status: first.cacheStatus, miss_reason: first.missReason };
  return { args, result: answer.ok ? { status: "ok", ...outcome } : { ...errorRecord(answer.error), ...outcome }, cacheEvents, phases };
}

const symbols = defineCommand({
  meta: { name: "symbols", description: "Every class, function and method of a module, as JSON" },
  args: { ...uriArg, ...cacheArgs, format: { type: "string", description: "json (default) or text: a compact outline" } },
  async run({ args }) {
    const format = oneOf("format", args.format, ["json", "text"], "json");
    await recorded("ast.symbols", args, async (settings) => {
      const loaded = await loadModuleSymbols(args.uri, { segment: args.segment, persist: persistSetting(args["persist-cache"], settings.astPersist), maxFileBytes: settings.maxFileBytes, cacheSettings: settings.cache, extract: extractForCli });
      const answer = loaded.ok ? symbolsAnswer(loaded.value) : loaded;
      await finish(answer, format === "json" ? printJson : (a) => writeStdout(outline(a.file_rel, a.symbols)));
      return answerRecord(args.uri, loaded, answer, { format });
    });
  },
});

const snippet = defineCommand({
  meta: { name: "snippet", description: "The source lines of one symbol" },
  args: { ...uriArg, ...cacheArgs },
  async run({ args }) {
    await recorded("ast.snippet", args, async (settings) => {
      const loaded = await loadModuleSymbols(args.uri, { segment: args.segment, persist: persistSetting(args["persist-cache"], settings.astPersist), maxFileBytes: settings.maxFileBytes, cacheSettings: settings.cache, extract: extractForCli });
      const answer = loaded.ok ? snippetAnswer(loaded.value) : loaded;
      await finish(answer);
      return answerRecord(args.uri, loaded, answer);
    });
  },
});

const languages = defineCommand({
  meta: { name: "languages", description: "Supported languages with their extensions, kinds and module rules (JSON)" },
  args: {},
  async run() {
    await printJson({
      status: "ok",
      languages: LANGUAGE_IDS.map((id) => {
        const { extensions, kinds, modules } = LANGUAGES[id];
        return { id, extensions, kinds, modules: modules.rule };
      }),
    });
  },
});

export const astCommand = defineCommand({
  meta: { name: "ast", description: "Symbols from source code, cached per segment" },
  subCommands: { symbols, snippet, languages, "cache-stats": cacheStatsCommand, "clear-cache": clearCacheCommand, "cache-verify": cacheVerifyCommand },
});
