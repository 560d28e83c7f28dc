import type { RemoteCacheSettings } from "../core/settings.ts";
import type { Extraction } from "../extract/types.ts";
import { checkBlob, checkManifest, manifestFor, remoteAddress, type PortableKey, type Rejection, type VerifiedEntry } from "./remote-entry.ts";
import type { SqliteAstCache } from "./sqlite-cache.ts";
import type { CacheEventSink, RemoteStats } from "./types.ts";

/**
 * A team cache over the Bazel remote-cache HTTP protocol (`GET`/`PUT`/`HEAD` on `<url>/ac/<64 hex>` and
 * `<url>/cas/<sha256>`; layout in remote-entry.ts), as bazel-remote, nginx WebDAV and object-store
 * gateways speak it. It is an optimisation like the local cache: every failure is a miss (the file is
 * parsed locally), counted, and reported as an event; nothing here throws.
 */

/**
 * Fetches in flight at once during a bulk fetch (`ctx build`): the standard library's warm-remote build
 * took 1.37 s with 16 (the requests waited on the main thread between an ac/ and its cas/), 1.1 s with 64.
 */
export const FETCH_CONCURRENCY = 64;
/** Uploads in flight at once: write-behind must not crowd out the build's own fetches. */
const UPLOAD_CONCURRENCY = 4;
/** Uploads waiting beyond this many are dropped (and counted): the queue never grows without bound. */
export const UPLOAD_QUEUE_LIMIT = 1000;
/** Failures in a row (errors, time-outs, 5xx, refused auth; a 404 is a miss) that open the breaker… */
export const BREAKER_FAILURES = 3;
/** …for this long; then one request probes, and its success closes it. */
export const BREAKER_OPEN_MS = 30_000;
/** After the answer is printed, a one-shot command gives pending uploads this long, then drops them. */
export const FLUSH_DEADLINE_MS = 5_000;


type Failure = "timeout" | "network" | "auth" | "http";

class RequestFailed extends Error {
  constructor(readonly reason: Failure) {
    super(reason);
  }
}

/** Runs at most `limit` tasks at once. */
class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export class RemoteCache {
  readonly stats: RemoteStats = { hits: 0, misses: 0, rejected: 0, errors: 0, skipped: 0, bytes_in: 0, uploads: 0, bytes_out: 0, dropped: 0 };
  private readonly fetches = new Limiter(FETCH_CONCURRENCY);
  private readonly uploadSlots = new Limiter(UPLOAD_CONCURRENCY);
  private readonly pendingUploads = new Set<Promise<void>>();
  /** Uploads accepted into the queue so far. */
  queuedUploads = 0;
  /** Aborts every request still in flight when the command ends. */
  private readonly ending = new AbortController();
  private failuresInRow = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly settings: RemoteCacheSettings & { readonly url: string },
    /** The largest blob believed (the local cache's byte budget: a larger value would not be stored). */
    private readonly maxBytes: number,
    private readonly emit: CacheEventSink = () => {},
  ) {}

  /** Whether the command asked the remote anything (or would have, but for the breaker). */
  get used(): boolean {
    const { hits, misses, rejected, errors, skipped } = this.stats;
    return hits + misses + rejected + errors + skipped + this.queuedUploads > 0;
  }

  get writes(): boolean {
    return this.settings.mode === "readwrite";
  }

  /** The verified entry of `key`, or null (a miss, a failure, a rejected entry: parse locally). */
  fetch(key: PortableKey): Promise<VerifiedEntry | null> {
    return this.fetches.run(async () => {
      const address = remoteAddress(key);
      const manifest = await this.get(`ac/${address}`, 64 * 1024);
      if (manifest === "skipped") return null;
      if (manifest === null) {
        this.stats.misses++;
        return null;
      }
      const expected = checkManifest(manifest, key, this.maxBytes);
      if (typeof expected === "string") return this.reject(expected, "ac");
      const blob = await this.get(`cas/${expected.cas}`, expected.size);
      if (blob === "skipped") return null;
      if (blob === null) return this.reject("truncated", "cas"); // a manifest whose blob is gone
      const entry = checkBlob(blob, expected);
      if (typeof entry === "string") return this.reject(entry, "cas");
      this.stats.hits++;
      return entry;
    });
  }

  /**
   * Uploads a parsed entry behind the caller's back (readwrite mode only): the blob first, unless the
   * server has it (`HEAD`), then the manifest, so a manifest never names a missing blob. Never waits.
   */
  upload(key: PortableKey, extraction: Extraction): void {
    if (!this.writes) return;
    if (this.pendingUploads.size >= UPLOAD_QUEUE_LIMIT) {
      this.stats.dropped++;
      return;
    }
    this.queuedUploads++;
    const blob = new TextEncoder().encode(JSON.stringify(extraction));
    const manifest = manifestFor(key, blob);
    const job = this.uploadSlots.run(async () => {
      if (this.ending.signal.aborted) return;
      if (!(await this.send("HEAD", `cas/${manifest.cas}`))) {
        if (!(await this.send("PUT", `cas/${manifest.cas}`, blob))) return this.uploadFailed();
      }
      const body = new TextEncoder().encode(JSON.stringify(manifest));
      if (!(await this.send("PUT", `ac/${remoteAddress(key)}`, body))) return this.uploadFailed();
      this.stats.uploads++;
    });
    this.pendingUploads.add(job);
    void job.finally(() => this.pendingUploads.delete(job));
  }

  /** Waits for pending uploads up to `deadlineMs`, then drops the rest; reports the totals. */
  async finish(deadlineMs = FLUSH_DEADLINE_MS): Promise<RemoteStats> {
    if (this.pendingUploads.size > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      });
      await Promise.race([Promise.all([...this.pendingUploads]), deadline]);
      clearTimeout(timer);
      this.stats.dropped += this.pendingUploads.size;
    }
    this.ending.abort();
    this.emit({ type: "remote", ...this.stats });
    return { ...this.stats };
  }

  /** An upload that did not happen (those cut off by the end of the command are counted there). */
  private uploadFailed(): void {
    if (!this.ending.signal.aborted) this.stats.dropped++;
  }

  private reject(problem: Rejection, object: "ac" | "cas"): null {
    this.stats.rejected++;
    this.emit({ type: "remote_rejected", problem, object });
    return null;
  }

  /** Whether a request may go out now; while the breaker is open, one request at a time probes after the pause. */
  private admit(): boolean {
    if (this.failuresInRow < BREAKER_FAILURES) return true;
    if (this.probing || performance.now() < this.openUntil) return false;
    this.probing = true;
    return true;
  }

  private succeeded(): void {
    this.failuresInRow = 0;
    this.probing = false;
  }

  private failed(reason: Failure, status?: number): void {
    if (this.ending.signal.aborted) return; // cut off by the end of the command, not a failure of the server
    this.stats.errors++;
    this.failuresInRow++;
    this.probing = false;
    this.emit({ type: "remote_error", reason, ...(status ? { status } : {}) });
    if (this.failuresInRow >= BREAKER_FAILURES) {
      if (performance.now() >= this.openUntil) this.emit({ type: "remote_breaker_open", failures: this.failuresInRow, open_ms: BREAKER_OPEN_MS });
      this.openUntil = performance.now() + BREAKER_OPEN_MS;
    }
  }

  private async request(method: string, path: string, body?: Uint8Array<ArrayBuffer>): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.settings.header) headers[this.settings.header.name] = this.settings.header.value;
    if (body) headers["Content-Type"] = "application/octet-stream";
    const signal = AbortSignal.any([AbortSignal.timeout(this.settings.timeoutMs), this.ending.signal]);
    try {
      const response = await fetch(`${this.settings.url}/${path}`, { method, headers, body, signal, redirect: "error" });
      if (response.status === 401 || response.status === 403) throw new RequestFailed("auth");
      return response;
    } catch (error) {
      if (error instanceof RequestFailed) throw error;
      throw new RequestFailed((error as Error).name === "TimeoutError" ? "timeout" : "network");
    }
  }

  /** A GET's body (at most `maxBytes`), null for a 404, "skipped" when it was not tried or failed. */
  private async get(path: string, maxBytes: number): Promise<Uint8Array | null | "skipped"> {
    if (!this.admit()) {
      this.stats.skipped++;
      return "skipped";
    }
    try {
      const response = await this.request("GET", path);
      if (response.status === 404) {
        await response.body?.cancel();
        this.succeeded();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        this.failed("http", response.status);
        return "skipped";
      }
      const length = Number(response.headers.get("content-length") ?? Number.NaN);
      if (length > maxBytes) {
        await response.body?.cancel();
        this.succeeded();
        // Larger than the manifest says (or than a manifest can be): not this entry.
        this.reject(path.startsWith("ac/") ? "too_large" : "checksum", path.startsWith("ac/") ? "ac" : "cas");
        return "skipped";
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      this.stats.bytes_in += bytes.length;
      this.succeeded();
      return bytes;
    } catch (error) {
      this.failed(error instanceof RequestFailed ? error.reason : "network");
      return "skipped";
    }
  }

  /** HEAD (true: the object exists) or PUT (true: stored); false when it failed or was not tried. */
  private async send(method: "HEAD" | "PUT", path: string, body?: Uint8Array<ArrayBuffer>): Promise<boolean> {
    if (this.ending.signal.aborted) return false;
    if (!this.admit()) {
      this.stats.skipped++;
      return false;
    }
    try {
      const response = await this.request(method, path, body);
      await response.body?.cancel();
      if (method === "HEAD" && response.status === 404) {
        this.succeeded();
        return false;
      }
      if (!response.ok) {
        this.failed("http", response.status);
        return false;
      }
      this.succeeded();
      if (body) this.stats.bytes_out += body.length;
      return true;
    } catch (error) {
      this.failed(error instanceof RequestFailed ? error.reason : "network");
      return false;
    }
  }
}

/** A file the local cache may not have: its local key, and the key parts the team cache knows it by. */
export interface Wanted {
  readonly key: string;
  readonly fileRel: string;
  readonly portable: PortableKey;
}

/**
 * Fetches what the local cache lacks of `wanted` (FETCH_CONCURRENCY at once) and stores every verified
 * entry in it. Returns them by key, so the caller uses them without looking them up again.
 */
export async function fetchInto(cache: SqliteAstCache, remote: RemoteCache, wanted: readonly Wanted[]): Promise<Map<string, Extraction>> {
  const present = cache.presentKeys(wanted.map((w) => w.key));
  const missing = wanted.filter((w) => !present.has(w.key));
  const fetched = await Promise.all(missing.map(async (w) => ({ w, entry: await remote.fetch(w.portable) })));
  const found = fetched.flatMap(({ w, entry }) => (entry ? [{ key: w.key, fileRel: w.fileRel, extraction: entry.extraction, json: entry.json, jsonSha256: entry.jsonSha256 }] : []));
  if (found.length > 0) cache.adopt(found);
  return new Map(found.map((entry) => [entry.key, entry.extraction]));
}

/** The remote cache the settings ask for (`--remote-cache` wins over TRIFECTA_REMOTE_CACHE), or none. */
export function openRemoteCache(settings: RemoteCacheSettings, maxBytes: number, emit?: CacheEventSink): RemoteCache | null {
  return settings.url === null ? null : new RemoteCache({ ...settings, url: settings.url }, maxBytes, emit);
}
