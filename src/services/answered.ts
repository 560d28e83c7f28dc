import type { RemoteCache } from "../cache/remote.ts";
import type { CacheEvent } from "../cache/types.ts";
import type { Result } from "../core/result.ts";
import type { Settings } from "../core/settings.ts";

/** What every service is given by its front end: the settings, read once, and where cache events go. */
export interface ServiceContext {
  readonly settings: Settings;
  readonly events: (event: CacheEvent) => void;
  /** The team cache (`--remote-cache`, TRIFECTA_REMOTE_CACHE), when one is configured; its owner ends it. */
  readonly remote?: RemoteCache | null;
}

/** A service's answer, with what telemetry records of it (outcome fields only, never paths or source). */
export interface Answered<T> {
  readonly answer: Result<T>;
  readonly summary: Record<string, unknown>;
  /** The arguments worth recording (e.g. the URI), when there are any. */
  readonly args?: Record<string, unknown>;
  /** Wall time of each step, for `--telemetry full`. */
  readonly phases?: Record<string, number>;
}
