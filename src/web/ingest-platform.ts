// src/ingest/platform.ts for the browser: the self-check page is built with this module in its place.
// Inflating streams the entry through pako (a port of zlib itself, so a stream zlib calls damaged — a
// back-reference before the start, a cut — is damaged here too) a few kilobytes of input at a time, so
// that its output is counted as it grows and a stream that passes its cap is stopped within a few
// megabytes of it, never inflated whole; SHA-256 is @noble/hashes' (synchronous, as ingest is); CRC-32
// the table computation.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Buffer as BrowserBuffer } from 'buffer';
import { Inflate } from 'pako';
import { tableCrc32 } from '../ingest/crc32.ts';
import type * as NodePlatform from '../ingest/platform.ts';

/** Input handed to the inflater at once: at most ~1032 times as much output (deflate's ceiling) before it is counted. */
const STEP = 4096;

class OverCap extends Error {}

export const inflateRawCapped: typeof NodePlatform.inflateRawCapped = (data, cap) => {
  // zlib refuses an empty stream ("unexpected end of file").
  if (data.length === 0) throw new Error('unexpected end of file');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  inflater.onData = (chunk) => {
    total += chunk.length;
    if (total > cap) throw new OverCap();
    chunks.push(chunk);
  };
  inflater.onEnd = () => {};
  try {
    for (let at = 0; at < data.length && !inflater.ended; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
      if (inflater.err) break;
    }
  } catch (err) {
    if (err instanceof OverCap) return null;
    throw err;
  }
  // As zlib: a stream that is damaged, or that ends before its last block, does not inflate.
  if (inflater.err || !inflater.ended) throw new Error(inflater.msg || 'unexpected end of file');
  const out = BrowserBuffer.allocUnsafe(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out as unknown as Buffer;
};

export const crc32: typeof NodePlatform.crc32 = tableCrc32;

export const sha256Hex: typeof NodePlatform.sha256Hex = (bytes) => bytesToHex(sha256(bytes));
