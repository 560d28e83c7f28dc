import type { Database } from "bun:sqlite";
import { statSync } from "node:fs";
import { openDatabase, type OpenOptions } from "./database.ts";
import { quarantine } from "./quarantine.ts";
import type { StorageReason, StoreEventSink, StoreFeature } from "./types.ts";

/**
 * The one owner of a segment's SQLite file: it opens it (pragmas, checks, quarantine of a damaged
 * file, the features' tables), hands its connection to the features that live in it (the AST cache,
 * the ctx index), and replaces the file when damage is found while working. Features ask for the
 * connection on each use and never hold one, so a replacement reaches all of them at once.
 */
export class Store {
  private replacements = 0;
  /** Set when a replacement could not be opened: every use is then a storage failure, never a closed handle. */
  private lost: string | null = null;

  private constructor(
    readonly dbPath: string,
    private connection: Database,
    private inode: number | null,
    /** The segment cannot be written: the file is read as it is, nothing is stored. */
    readonly readOnly: boolean,
    /** Whether a usable file was there before this open (a damaged one moved aside does not count). */
    readonly existedBefore: boolean,
    /** A damaged file was found and moved aside by this open. */
    readonly recoveredOnOpen: boolean,
    readonly journalMode: string,
    private readonly options: OpenOptions,
  ) {}

  static open(dbPath: string, options: OpenOptions): Store | { failed: StorageReason | "absent"; detail: string } {
    const opened = openDatabase(dbPath, options);
    if (!opened.ok) return { failed: opened.reason, detail: "detail" in opened ? opened.detail : "no database yet" };
    const { db, inode, readOnly, existed, recoveredFrom, journalMode } = opened.value;
    return new Store(dbPath, db, inode, readOnly, existed, recoveredFrom !== null, journalMode, options);
  }

  /** A replacement could not be opened: the store is unusable until opened again. */
  get isLost(): boolean {
    return this.lost !== null;
  }

  /**
   * Another process moved the file this connection reads aside (a `cache-verify --repair`, a recovery of
   * its own): a long-lived holder opens the path again. One stat.
   */
  replacedElsewhere(): boolean {
    if (this.inode === null) return false;
    const stat = statSync(this.dbPath, { throwIfNoEntry: false });
    return stat?.ino !== this.inode;
  }

  get db(): Database {
    if (this.lost) throw Object.assign(new Error(`the database could not be opened again after damage: ${this.lost}`), { code: "SQLITE_CANTOPEN" });
    return this.connection;
  }

  get events(): StoreEventSink | undefined {
    return this.options.events;
  }

  get lockTimeoutMs(): number {
    return this.options.lockTimeoutMs;
  }

  get features(): readonly StoreFeature[] {
    return this.options.features;
  }

  /**
   * How many times the file was found damaged and replaced while open: whatever was read from the
   * old file before (an index's file list) no longer describes the database, so a build starts over.
   */
  get generation(): number {
    return this.replacements;
  }

  /**
   * Page-level damage found while working: move the file aside (this very file, by its inode: another
   * process may already have replaced it, and then that fresh one is kept) and go on with a fresh one.
   */
  recover(detail: string): boolean {
    this.close();
    const movedTo = quarantine(this.dbPath, this.inode);
    this.options.events?.({ type: "corruption_detected", scope: "database", detail, quarantined_as: movedTo ?? undefined });
    this.replacements++;
    const reopened = openDatabase(this.dbPath, { ...this.options, create: true });
    if (!reopened.ok) {
      this.lost = "detail" in reopened ? reopened.detail : reopened.reason;
      return false;
    }
    this.lost = null;
    this.connection = reopened.value.db;
    this.inode = reopened.value.inode;
    return true;
  }

  close(): void {
    if (this.lost) return;
    try {
      this.connection.close();
    } catch {
      // closing a connection to a file that went away is not the caller's problem
    }
  }
}
