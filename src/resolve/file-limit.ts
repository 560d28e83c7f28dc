/** Source files above this size are refused with FILE_TOO_LARGE (ast) or skipped (ctx build). */
const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** TRIFECTA_MAX_FILE_BYTES when it is a positive whole number, else the default. */
export function maxFileBytes(env: string | undefined = process.env.TRIFECTA_MAX_FILE_BYTES): number {
  const parsed = Number(env);
  return env !== undefined && Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_MAX_FILE_BYTES;
}
