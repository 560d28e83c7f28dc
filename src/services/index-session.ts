import { fail, ok, type Result } from "../core/result.ts";
import { openIndex } from "../ctx/open.ts";
import { DatabaseReplaced, type IndexTarget } from "../ctx/update.ts";
import { resolveSegment } from "../resolve/segment.ts";
import type { Answered, ServiceContext } from "./answered.ts";
import { recoveredFromDamage, storageFailure, storageHint } from "./storage-errors.ts";

export interface IndexOptions extends ServiceContext {
  /** `--segment`, or undefined for root discovery. */
  readonly segment?: string;
  /** How large files are extracted (the CLI: a process of their own); in-process when absent. */
  readonly large?: IndexTarget["large"];
}

/** A unit of work on an open index: its answer and what telemetry records of it. */
export type IndexWork<T> = (target: IndexTarget) => Promise<{ answer: Result<T>; summary: Record<string, unknown> }>;

/**
 * A segment's index held open: for one CLI command, or for the life of an MCP server (one connection,
 * warm caches). The index cannot degrade the way the AST cache does (it is the answer), so a database
 * that fails in use is a typed error; damage found while answering moves the file aside and runs the
 * work once more on the fresh database (a search then builds the index anew).
 */
export class IndexSession {
  private constructor(readonly target: IndexTarget) {}

  static open(options: IndexOptions): Result<IndexSession> {
    const segment = resolveSegment(options.segment);
    if (!segment.ok) return segment;
    const { settings } = options;
    const opened = openIndex(segment.value.root, { events: options.events, settings: settings.cache });
    if (!opened.ok) {
      return fail("CACHE_UNAVAILABLE", `the index database cannot be opened (${opened.reason})`, { db_path: opened.dbPath, reason: opened.reason, hint: storageHint(opened.reason) });
    }
    const { store, cache, index } = opened;
    return ok(new IndexSession({ root: segment.value.root, store, cache, index, maxFileBytes: settings.maxFileBytes, large: options.large }));
  }

  /** The store could not reopen a replaced file, or another process replaced it: open the session again. */
  get expired(): boolean {
    return this.target.store.isLost || this.target.store.replacedElsewhere();
  }

  async run<T extends object>(work: IndexWork<T>): Promise<Answered<T & { segment_root: string }>> {
    const { target } = this;
    const failed = (error: unknown) => storageFailure(error, target.store.dbPath);
    const replaced = (error: unknown) => error instanceof DatabaseReplaced || recoveredFromDamage(error, target.store);
    const { answer, summary } = await work(target).catch((error: unknown) => (replaced(error) ? work(target).catch(failed) : failed(error)));
    return { answer: answer.ok ? ok({ segment_root: target.root, ...answer.value }) : answer, summary };
  }

  close(): void {
    this.target.store.close();
  }
}

/** Opens the segment's index, runs `work` on it and closes it: one CLI command's life. */
export async function onIndex<T extends object>(options: IndexOptions, work: IndexWork<T>): Promise<Answered<T & { segment_root: string }>> {
  const session = IndexSession.open(options);
  if (!session.ok) return { answer: session, summary: {} };
  try {
    return await session.value.run(work);
  } finally {
    session.value.close();
  }
}
