const BYTES_PER_MEBIBYTE = 1024 * 1024;

/**
 * Converts a platform's memory size in MiB (as Lambda's
 * `AWS_LAMBDA_FUNCTION_MEMORY_SIZE` gives it) to bytes for `faas.max_memory`.
 * Returns `undefined` for anything but a positive whole number, so the key is
 * left out rather than set to `NaN`.
 */
export function mebibytesToBytes(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}$/.test(text.trim())) {
    return undefined;
  }
  const mebibytes = Number(text.trim());
  return mebibytes > 0 ? mebibytes * BYTES_PER_MEBIBYTE : undefined;
}
