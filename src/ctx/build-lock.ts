import { Database } from "bun:sqlite";
import { errorCode } from "../store/sqlite-errors.ts";

/**
 * One build at a time per segment: an exclusive lock on a small SQLite file beside the database.
 * SQLite takes it with the file system's own locks, so the kernel releases it when the holder
 * exits in any way (a SIGKILLed build never leaves a stale lock), and waiting is SQLite's busy
 * handler. The lock file holds no data.
 */
export class BuildLock {
  private constructor(private readonly db: Database) {}

  static pathFor(dbPath: string): string {
    return `${dbPath}.build-lock`;
  }

  /**
   * Takes the lock, waiting up to `waitMs` for a build that holds it: `busy` when it is still held
   * then, `unavailable` when there can be no lock file (a read-only segment: no build either).
   */
  static acquire(dbPath: string, waitMs: number): BuildLock | "busy" | "unavailable" {
    let db: Database | undefined;
    try {
      db = new Database(BuildLock.pathFor(dbPath), { create: true, readwrite: true });
      db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
      db.exec("BEGIN EXCLUSIVE");
      return new BuildLock(db);
    } catch (error) {
      db?.close();
      return errorCode(error).startsWith("SQLITE_BUSY") ? "busy" : "unavailable";
    }
  }

  /** Whether another process (or connection) is building right now. */
  static held(dbPath: string): boolean {
    const lock = BuildLock.acquire(dbPath, 0);
    if (lock instanceof BuildLock) lock.release();
    return lock === "busy";
  }

  release(): void {
    try {
      this.db.close();
    } catch {
      // the lock goes with the connection either way
    }
  }
}
