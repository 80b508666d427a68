'use strict';

/** Waits for every attribute value of one detector, as the SDK does. */
async function settleDetector(detector) {
  const entries = Object.entries(detector.detect().attributes ?? {});
  const values = await Promise.all(entries.map(([, value]) => value));
  return Object.fromEntries(entries.map(([key], index) => [key, values[index]]));
}

module.exports = { settleDetector };
