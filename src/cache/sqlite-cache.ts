import type { Database } from "bun:sqlite";
import type { Extraction } from "../extract/types.ts";
import { openDatabase } from "./database.ts";
import type { AstCache, CacheEntry, Lookup, MissReason } from "./types.ts";

export function checksumOf(value: string): string {
  return new Bun.CryptoHasher("sha256").update(value).digest("hex").slice(0, 16);
}

/** The persistent cache: one connection per process, writes in BEGIN IMMEDIATE transactions. */
export class SqliteAstCache implements AstCache {
  private constructor(
    readonly dbPath: string,
    private readonly db: Database,
    private readonly existedBefore: boolean,
  ) {}

  /** Opens the cache, or returns null when the database cannot be opened or created. */
  static open(dbPath: string): SqliteAstCache | null {
    try {
      const opened = openDatabase(dbPath, { create: true });
      return opened ? new SqliteAstCache(dbPath, opened.db, opened.existed) : null;
    } catch {
      return null;
    }
  }

  lookup(key: string): Lookup {
    try {
      const row = this.db.query("SELECT value, checksum FROM cache WHERE key = ?").get(key) as
        | { value: string; checksum: string }
        | null;
      if (row && checksumOf(row.value) === row.checksum) {
        this.recordHit(key);
        return { status: "hit", extraction: JSON.parse(row.value) as Extraction };
      }
      return { status: "miss", reason: this.missReason() };
    } catch {
      return { status: "bypass", reason: "cache_unavailable" };
    }
  }

  store(entry: CacheEntry): boolean {
    const value = JSON.stringify(entry.extraction);
    const now = Date.now();
    try {
      this.db
        .transaction(() => {
          // A file's older contents are never asked for again under this extractor.
          this.db.run("DELETE FROM cache WHERE file_rel = ? AND key <> ?", [entry.fileRel, entry.key]);
          this.db.run(
            `INSERT INTO cache(key, file_rel, value, value_bytes, checksum, created_at, last_access)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value, value_bytes = excluded.value_bytes,
               checksum = excluded.checksum, last_access = excluded.last_access`,
            [entry.key, entry.fileRel, value, Buffer.byteLength(value), checksumOf(value), now, now],
          );
          this.db.run("UPDATE counters SET value = value + 1 WHERE name = 'misses'");
        })
        .immediate();
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.db.close();
  }

  private missReason(): MissReason {
    if (!this.existedBefore) return "cold_cache_db_missing";
    const any = this.db.query("SELECT EXISTS(SELECT 1 FROM cache) AS present").get() as { present: number };
    return any.present ? "key_miss" : "cold_cache_empty";
  }

  private recordHit(key: string): void {
    try {
      this.db
        .transaction(() => {
          this.db.run("UPDATE cache SET last_access = ?, hit_count = hit_count + 1 WHERE key = ?", [Date.now(), key]);
          this.db.run("UPDATE counters SET value = value + 1 WHERE name = 'hits'");
        })
        .immediate();
    } catch {
      // Counters are bookkeeping; a busy database must not turn a hit into a failure.
    }
  }
}
