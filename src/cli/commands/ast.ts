import { defineCommand, type ArgsDef } from "citty";
import { outline } from "../../format/outline.ts";
import * as ast from "../../services/ast.ts";
import type { SymbolsAnswer } from "../../symbols/answers.ts";
import { LANGUAGE_IDS, LANGUAGES } from "../../languages.ts";
import { extractForCli } from "../fast-extract.ts";
import { printJson, writeStdout } from "../output.ts";
import { cacheExportCommand, cacheImportCommand, cacheStatsCommand, cacheVerifyCommand, clearCacheCommand } from "./cache.ts";
import { formatArgs, kindsOption, outputFormat, printerFor, remoteCacheArg, runCommand, segmentArg, telemetryArg } from "./shared.ts";

const cacheArgs = {
  ...segmentArg,
  "persist-cache": {
    type: "boolean",
    description: "Persist the AST cache in SQLite (default on; --no-persist-cache keeps it in memory). Wins over TRIFECTA_AST_PERSIST.",
  },
  ...telemetryArg,
  ...remoteCacheArg,
} satisfies ArgsDef;

const uriArg = {
  uri: { type: "positional", required: true, description: "sym://<lang>/mod/<module> | sym://<lang>/type/<module>#<Name> | sym://<lang>/file/<path>[#<Name>] | a file's path[#<Name>] (see: ast languages)" },
} satisfies ArgsDef;

const symbols = defineCommand({
  meta: { name: "symbols", description: "Every definition of a module (classes, functions, methods, constants, fields, exports, …), as JSON" },
  args: {
    ...uriArg,
    ...cacheArgs,
    ...formatArgs,
    format: { type: "string", description: "json (default) or text: a compact outline" },
    kind: { type: "string", description: "Only these kinds, comma-separated (function,method,class,constant,field,…; see: ast languages)" },
  },
  async run({ args }) {
    const format = outputFormat(args);
    if (!format.ok) return format;
    const kinds = kindsOption(args.kind);
    if (!kinds.ok) return kinds;
    const only = kinds.value;
    // The filter applies to what is printed; the cache holds every symbol of the file.
    const filtered = (a: SymbolsAnswer): SymbolsAnswer => (only ? { ...a, symbols: a.symbols.filter((s) => only.includes(s.kind)) } : a);
    const print = format.value === "json" ? (a: SymbolsAnswer) => printJson(filtered(a)) : (a: SymbolsAnswer) => writeStdout(outline(a.file_rel, filtered(a).symbols));
    return runCommand("ast.symbols", args, (context) => ast.symbols({ ...context, uri: args.uri, segment: args.segment, persist: args["persist-cache"], extract: extractForCli, format: format.value }), print);
  },
});

const snippet = defineCommand({
  meta: { name: "snippet", description: "The source lines of one symbol" },
  args: { ...uriArg, ...cacheArgs, ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printJson, (answer: { text: string }) => `${answer.text}\n`);
    if (!print.ok) return print;
    return runCommand("ast.snippet", args, (context) => ast.snippet({ ...context, uri: args.uri, segment: args.segment, persist: args["persist-cache"], extract: extractForCli }), print.value);
  },
});

const languages = defineCommand({
  meta: { name: "languages", description: "Supported languages with their extensions, kinds and module rules (JSON)" },
  args: { ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printJson);
    if (!print.ok) return print;
    await print.value({
      status: "ok",
      languages: LANGUAGE_IDS.map((id) => {
        const { extensions, kinds, modules, claims } = LANGUAGES[id];
        return { id, extensions, kinds, modules: modules.rule, ...(claims ? { claims: { extension: claims.extension, rule: claims.rule } } : {}) };
      }),
    });
  },
});

export const astCommand = defineCommand({
  meta: { name: "ast", description: "Symbols from source code, cached per segment" },
  subCommands: { symbols, snippet, languages, "cache-stats": cacheStatsCommand, "clear-cache": clearCacheCommand, "cache-verify": cacheVerifyCommand, "cache-export": cacheExportCommand, "cache-import": cacheImportCommand },
});
