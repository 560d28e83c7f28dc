import { type FSWatcher, watch } from "node:fs";
import { relative } from "node:path";
import { WarmExtractions } from "../cache/warm-cache.ts";
import type { Result } from "../core/result.ts";
import type { Answered, ServiceContext } from "../services/answered.ts";
import { buildWork } from "../services/ctx.ts";
import { IndexSession, type IndexWork } from "../services/index-session.ts";
import { telemetryDir } from "../telemetry/telemetry.ts";

/** What the last build this server started came to. */
export type BuildOutcome =
  | { state: "running"; started_at: string }
  | { state: "done"; files_indexed: number; seconds: number; failed: number; remote_hits?: number }
  | { state: "failed"; error_code: string; message: string };

/**
 * One segment, kept warm for the life of the server: the index's connection stays open (and with it
 * the AST cache and the loaded grammars), a build runs in the background while calls are answered
 * from what it has written, and a database another process replaced is opened again.
 */
export class Workspace {
  private session: IndexSession | null = null;
  private build: Promise<void> | null = null;
  private lastBuild: BuildOutcome | null = null;
  private watcher: FSWatcher | null = null;
  /** Set by the watcher on any change in the segment; true until an answer has looked. */
  private changed = true;
  /** Outlines' extractions in memory in front of the AST cache (src/cache/warm-cache.ts). */
  readonly extractions = new WarmExtractions();

  constructor(
    private readonly context: ServiceContext,
    readonly root: string,
  ) {
    this.watch();
  }

  /**
   * A recursive watch (inotify) of the segment. While it runs, a search after no change skips the
   * walk over every file (1.8 of a search's 4.3 ms on the standard library's 732 files): the
   * watcher costs nothing per call. Without it (no inotify, too many directories) every answer walks.
   */
  private watch(): void {
    try {
      // The index's own writes and the server's telemetry are not changes of the segment.
      const own = [".trifecta", relative(this.root, telemetryDir(this.root, this.context.settings.telemetry.dir))].filter((dir) => dir !== "" && !dir.startsWith(".."));
      this.watcher = watch(this.root, { recursive: true }, (_event, filename) => {
        if (typeof filename === "string" && own.some((dir) => filename === dir || filename.startsWith(`${dir}/`))) return;
        this.changed = true;
      });
      this.watcher.on("error", () => this.unwatch());
    } catch {
      this.watcher = null;
    }
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = null;
    this.changed = true;
  }

  /**
   * True when the watcher has seen no change since the last answer that looked (events already
   * queued are taken first); that answer then only checks the files it cites. Resets the mark.
   */
  async unchangedSinceLastAnswer(): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.watcher) return false;
    const unchanged = !this.changed;
    this.changed = false;
    return unchanged;
  }

  /** True while a build this server started is running. */
  get building(): boolean {
    return this.build !== null;
  }

  /** The team cache a miss of an outline reads through (and writes behind), when one is configured. */
  get remote() {
    return this.context.remote ?? null;
  }

  /** Parsing threads for builds and refreshes (the setting). */
  get workers(): number {
    return this.context.settings.ctxWorkers;
  }

  get buildOutcome(): BuildOutcome | null {
    return this.lastBuild;
  }

  private open(): Result<IndexSession> {
    // A running build keeps the session it started on; otherwise an expired one is opened again.
    if (this.session && (this.build || !this.session.expired)) return { ok: true, value: this.session };
    this.session?.close();
    this.session = null;
    const opened = IndexSession.open({ ...this.context, segment: this.root });
    if (opened.ok) {
      // Many searches on one index: phrase scores are kept between them (src/ctx/phrase-scores.ts).
      opened.value.target.index.keepScores();
      this.session = opened.value;
    }
    return opened;
  }

  /** Runs one unit of work on the open index (told whether a build of this server's is running). */
  async run<T extends object>(work: (building: boolean) => IndexWork<T>): Promise<Answered<T & { segment_root: string }>> {
    const session = this.open();
    if (!session.ok) return { answer: session, summary: {} };
    const answered = await session.value.run(work(this.building));
    // A refresh that failed (a full disk) did not bring the index up to date: the next answer looks again.
    if (!answered.answer.ok) this.changed = true;
    return answered;
  }

  /**
   * Starts a build in the background unless one is running (here or, holding the build lock, in
   * another process: then that one is not waited for). False when none was started.
   */
  startBuild(): boolean {
    if (this.build) return false;
    const session = this.open();
    if (!session.ok) {
      this.lastBuild = { state: "failed", error_code: session.error.code, message: session.error.message };
      return false;
    }
    this.lastBuild = { state: "running", started_at: new Date().toISOString() };
    this.build = session.value
      .run(buildWork({ workers: this.context.settings.ctxWorkers, waitMs: 0, remote: this.context.remote }))
      .then(({ answer }) => {
        this.lastBuild = answer.ok
          ? { state: "done", files_indexed: answer.value.files.indexed, seconds: answer.value.seconds, failed: answer.value.failed.length, ...(answer.value.remote ? { remote_hits: answer.value.remote.hits } : {}) }
          : { state: "failed", error_code: answer.error.code, message: answer.error.message };
      })
      .catch((error: unknown) => {
        this.lastBuild = { state: "failed", error_code: "INTERNAL_ERROR", message: String((error as Error)?.message ?? error) };
      })
      .finally(() => {
        this.build = null;
      });
    return true;
  }

  /** A build in the background when the index is empty or no build finished on it (and the segment can be written). */
  startBuildIfIncomplete(): boolean {
    const session = this.open();
    if (!session.ok) return false;
    const { index, cache } = session.value.target;
    if (cache.readOnly || index.buildState() === "complete") return false;
    return this.startBuild();
  }

  /**
   * Gives a running build up to `ms` to finish before a search or get answers: a small segment's
   * whole index is there by then; a large one's answer says it is incomplete.
   */
  async settle(ms: number): Promise<void> {
    if (!this.build) return;
    let timer: Timer | undefined;
    await Promise.race([this.build, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** Closes the index unless a build is using it (the process is ending: the next build resumes it). */
  close(): void {
    this.unwatch();
    if (this.build) return;
    this.session?.close();
    this.session = null;
  }
}
