// src/ingest/platform.ts for the browser: the self-check page is built with this module in its place.
// Inflating streams the entry through fflate a few kilobytes of input at a time, so that its output is
// counted as it grows and a stream that passes its cap is stopped within a few megabytes of it, never
// inflated whole; SHA-256 is @noble/hashes' (synchronous, as ingest is); CRC-32 the table computation.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Buffer as BrowserBuffer } from 'buffer';
import { Inflate } from 'fflate';
import { tableCrc32 } from '../ingest/crc32.ts';
import type * as NodePlatform from '../ingest/platform.ts';

/** Input handed to the inflater at once: at most ~1032 times as much output (deflate's ceiling) before it is counted. */
const STEP = 4096;

class OverCap extends Error {}

export const inflateRawCapped: typeof NodePlatform.inflateRawCapped = (data, cap) => {
  // zlib refuses an empty stream ("unexpected end of file"); fflate would give zero bytes.
  if (data.length === 0) throw new Error('unexpected end of file');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new OverCap();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (err) {
    if (err instanceof OverCap) return null;
    throw err;
  }
  const out = BrowserBuffer.allocUnsafe(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out as unknown as Buffer;
};

export const crc32: typeof NodePlatform.crc32 = tableCrc32;

export const sha256Hex: typeof NodePlatform.sha256Hex = (bytes) => bytesToHex(sha256(bytes));
