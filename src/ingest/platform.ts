// What ingest needs of the platform it runs on: inflating a zip entry under an output cap, CRC-32 and
// SHA-256. These are Node's own (zlib, crypto). The self-check page is built with
// src/web/ingest-platform.ts in this module's place (src/web/build/bundle.ts), so the zip guard, its
// limits and its messages are the same code in both.
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { tableCrc32 } from './crc32.ts';

/**
 * A raw-deflate stream inflated natively with its output capped at `cap` bytes: null when it would
 * inflate to more; throws when it does not inflate (damaged, cut short).
 */
export function inflateRawCapped(data: Uint8Array, cap: number): Buffer | null {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return null;
    throw err;
  }
}

/** zlib's CRC-32 (Node 20.15+), or the same table-driven computation on older Node 20 releases. */
export const crc32: (data: Uint8Array) => number = typeof (zlib as { crc32?: unknown }).crc32 === 'function'
  ? (data) => zlib.crc32(data) >>> 0
  : tableCrc32;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
