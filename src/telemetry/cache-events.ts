import type { CacheEvent } from "../cache/types.ts";
import type { Telemetry } from "./telemetry.ts";

/** `ast.cache.<type>` events from what the cache reported. */
export function emitCacheEvents(telemetry: Telemetry, events: readonly CacheEvent[]): void {
  if (telemetry.level === "off") return;
  for (const event of events) {
    const { type, ...fields } = event;
    const timing = event.type === "lock_wait" ? event.wait_ms : 0;
    const args: Record<string, unknown> = "key" in fields ? { cache_key: fields.key } : "operation" in fields ? { operation: fields.operation } : {};
    const { key: _key, operation: _operation, ...result } = fields as Record<string, unknown>;
    telemetry.emit(`ast.cache.${type}`, args, result, timing);
  }
}
