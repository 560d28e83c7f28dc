import type { StoreFeature } from "../store/types.ts";

/** The AST cache's tables: one row per (file content, extractor version), and its counters. */
export const AST_CACHE_FEATURE: StoreFeature = {
  name: "ast_cache",
  version: 1,
  schema: `
CREATE TABLE IF NOT EXISTS cache (
  key TEXT PRIMARY KEY,
  file_rel TEXT NOT NULL,
  value TEXT NOT NULL,
  value_bytes INTEGER NOT NULL,
  checksum TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_access INTEGER NOT NULL,
  hit_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS cache_by_file ON cache(file_rel);
CREATE INDEX IF NOT EXISTS cache_by_access ON cache(last_access);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters(name, value) VALUES ('hits', 0), ('misses', 0);
-- Totals kept by triggers, so budgets are checked without scanning the table.
INSERT OR IGNORE INTO counters(name, value) SELECT 'entries', COUNT(*) FROM cache;
INSERT OR IGNORE INTO counters(name, value) SELECT 'bytes', COALESCE(SUM(value_bytes), 0) FROM cache;
CREATE TRIGGER IF NOT EXISTS cache_totals_insert AFTER INSERT ON cache BEGIN
  UPDATE counters SET value = value + 1 WHERE name = 'entries';
  UPDATE counters SET value = value + NEW.value_bytes WHERE name = 'bytes';
END;
CREATE TRIGGER IF NOT EXISTS cache_totals_delete AFTER DELETE ON cache BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'entries';
  UPDATE counters SET value = value - OLD.value_bytes WHERE name = 'bytes';
END;
CREATE TRIGGER IF NOT EXISTS cache_totals_update AFTER UPDATE OF value_bytes ON cache BEGIN
  UPDATE counters SET value = value - OLD.value_bytes + NEW.value_bytes WHERE name = 'bytes';
END;
`,
};
