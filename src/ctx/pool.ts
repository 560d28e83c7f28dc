import type { Extraction } from "../extract/types.ts";
import type { LanguageId } from "../languages.ts";

type Pending = { resolve: (e: Extraction) => void; reject: (e: Error) => void };

/**
 * Where the worker's code is: next to this file in a source run; in the compiled binary, the
 * second entry point of build.ts, named relative to the entry points' common folder (src/).
 */
function workerSpecifier(): string {
  return Bun.main.startsWith("/$bunfs/") ? "./ctx/worker.ts" : new URL("./worker.ts", import.meta.url).href;
}

/** Extraction on worker threads, spread round-robin. A worker that fails fails its requests, never hangs them. */
export class ExtractionPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(workerSpecifier());
      worker.onmessage = (event: MessageEvent<{ id: number; extraction?: Extraction; error?: string }>) => {
        const waiting = this.pending.get(event.data.id);
        this.pending.delete(event.data.id);
        if (event.data.extraction) waiting?.resolve(event.data.extraction);
        else waiting?.reject(new Error(event.data.error ?? "worker failed"));
      };
      worker.onerror = (event) => this.failAll(new Error(`extraction worker failed: ${event.message}`));
      return worker;
    });
  }

  extract(language: LanguageId, bytes: Uint8Array): Promise<Extraction> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, language, bytes });
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  close(): void {
    for (const worker of this.workers) worker.terminate();
    this.failAll(new Error("pool closed"));
  }
}

/**
 * A pool started for the first batch with at least `minPerThread` files to parse (cache hits and
 * large files aside), sized by that batch: a rebuild whose files are all cache hits starts no thread.
 */
export class PoolOnDemand {
  private pool: ExtractionPool | null = null;
  /** Threads started (0 while none is). */
  threads = 0;

  constructor(
    private readonly maxThreads: number,
    private readonly minPerThread: number,
  ) {}

  /** The pool for a batch of `misses` files to parse, or null when it is not worth one (yet). */
  readonly forBatch = (misses: number): ExtractionPool | null => {
    if (this.pool || misses < this.minPerThread || this.maxThreads === 0) return this.pool;
    this.threads = Math.min(this.maxThreads, Math.floor(misses / this.minPerThread));
    this.pool = new ExtractionPool(this.threads);
    return this.pool;
  };

  close(): void {
    this.pool?.close();
  }
}
