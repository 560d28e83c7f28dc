import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readSettings, VARIABLES } from "../src/core/settings.ts";

const repo = join(import.meta.dir, "..");

describe("settings", () => {
  test("the README's environment-variable table is the module's, row for row", () => {
    const readme = readFileSync(join(repo, "README.md"), "utf8");
    const rows = readme.split("\n").filter((line) => line.startsWith("| `TRIFECTA_"));
    expect(rows).toEqual(Object.entries(VARIABLES).map(([name, v]) => `| \`${name}\` | ${v.effect} |`));
  });

  test("only src/core/settings.ts reads TRIFECTA_* variables", () => {
    const src = join(repo, "src");
    const readers = (readdirSync(src, { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts") && file !== join("core", "settings.ts"))
      .filter((file) => /env\??(\.|\[["'`])TRIFECTA_/.test(readFileSync(join(src, file), "utf8")));
    expect(readers).toEqual([]);
  });

  test("defaults when nothing is set", () => {
    const s = readSettings({});
    expect(s.astPersist).toBe(true);
    expect(s.maxFileBytes).toBe(16 * 1024 * 1024);
    expect(s.cache).toEqual({ lockTimeoutMs: 2000, limits: { maxBytes: 256 * 1024 * 1024, maxEntries: 50_000, ttlMs: 30 * 86_400_000 }, maxDbBytes: null });
    expect(s.ctxWorkers).toBe(Math.max(1, navigator.hardwareConcurrency - 1));
    expect(s.telemetry).toEqual({ level: "off", disabled: false, dir: null, rotateBytes: 10 * 1024 * 1024 });
    expect(s.remote).toEqual({ url: null, mode: "read", header: null, timeoutMs: 1000 });
    expect(Object.isFrozen(s) && Object.isFrozen(s.cache) && Object.isFrozen(s.cache.limits) && Object.isFrozen(s.telemetry) && Object.isFrozen(s.remote)).toBe(true);
  });

  test("values as given", () => {
    const s = readSettings({
      TRIFECTA_AST_PERSIST: " OFF ",
      TRIFECTA_MAX_FILE_BYTES: "1e3",
      TRIFECTA_CACHE_LOCK_TIMEOUT_MS: " 300 ",
      TRIFECTA_CACHE_MAX_BYTES: "1024",
      TRIFECTA_CACHE_MAX_ENTRIES: "3",
      TRIFECTA_CACHE_TTL_DAYS: "0.5",
      TRIFECTA_CACHE_MAX_DB_BYTES: "131072",
      TRIFECTA_CTX_WORKERS: "0",
      TRIFECTA_TELEMETRY_LEVEL: "Full",
      TRIFECTA_NO_TELEMETRY: "1",
      TRIFECTA_TELEMETRY_DIR: "rel/dir",
      TRIFECTA_TELEMETRY_MAX_BYTES: "1500",
      TRIFECTA_MCP_TOKEN: "s3cret",
      TRIFECTA_REMOTE_CACHE: " https://cache.example:9090/team/ ",
      TRIFECTA_REMOTE_CACHE_MODE: "ReadWrite",
      TRIFECTA_REMOTE_CACHE_HEADER: "Authorization:  Bearer abc:def ",
      TRIFECTA_REMOTE_CACHE_TIMEOUT_MS: "250",
    });
    expect(s).toEqual({
      astPersist: false,
      maxFileBytes: 1000,
      cache: { lockTimeoutMs: 300, limits: { maxBytes: 1024, maxEntries: 3, ttlMs: 43_200_000 }, maxDbBytes: 131072 },
      ctxWorkers: 0,
      telemetry: { level: "full", disabled: true, dir: "rel/dir", rotateBytes: 1500 },
      mcpToken: "s3cret",
      remote: { url: "https://cache.example:9090/team", mode: "readwrite", header: { name: "Authorization", value: "Bearer abc:def" }, timeoutMs: 250 },
    });
  });

  test("an invalid value counts as unset", () => {
    const invalid = ["", " ", "x", "-1", "0.5", "1.5", "Infinity", "NaN"];
    for (const raw of invalid) {
      const env = Object.fromEntries(Object.keys(VARIABLES).map((name) => [name, raw]));
      const s = readSettings(env);
      const defaults = readSettings({});
      expect(s.maxFileBytes).toBe(defaults.maxFileBytes);
      expect(s.cache.lockTimeoutMs).toBe(defaults.cache.lockTimeoutMs);
      expect(s.cache.limits.maxBytes).toBe(defaults.cache.limits.maxBytes);
      expect(s.cache.limits.maxEntries).toBe(defaults.cache.limits.maxEntries);
      expect(s.cache.maxDbBytes).toBeNull();
      expect(s.ctxWorkers).toBe(defaults.ctxWorkers);
      expect(s.telemetry.rotateBytes).toBe(defaults.telemetry.rotateBytes);
      expect(s.telemetry.level).toBe("off");
      expect(s.telemetry.disabled).toBe(false);
      expect(s.astPersist).toBe(true);
      expect(s.remote).toEqual(defaults.remote);
      if (raw !== "0.5" && raw !== "1.5") expect(s.cache.limits.ttlMs).toBe(defaults.cache.limits.ttlMs);
    }
    expect(readSettings({ TRIFECTA_NO_TELEMETRY: "yes" }).telemetry.disabled).toBe(false);
    expect(readSettings({ TRIFECTA_TELEMETRY_DIR: "" }).telemetry.dir).toBeNull();
    expect(readSettings({ TRIFECTA_CACHE_TTL_DAYS: "0" }).cache.limits.ttlMs).toBe(30 * 86_400_000);
    for (const url of ["ftp://host/x", "file:///tmp/cache", "host:8080", "/path"]) expect(readSettings({ TRIFECTA_REMOTE_CACHE: url }).remote.url).toBeNull();
    for (const header of ["Authorization", ": value", "Bad Name: x", "X-Token:   "]) expect(readSettings({ TRIFECTA_REMOTE_CACHE_HEADER: header }).remote.header).toBeNull();
  });
});
