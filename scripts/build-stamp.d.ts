// Types of scripts/build-stamp.js (plain JavaScript, loaded by bin/ereje.js at every start).
/** [is a folder, size, mtimeMs, ctimeMs, inode, device], or null when nothing is at the path. */
export type Signature = [number, number, number, number, number, number] | null;
export declare const STAMP_MARGIN_MS: number;
export declare function signature(path: string): Signature;
export declare function stampedFingerprint(root: string): string | null;
export declare function writeStamp(root: string, fingerprint: string, observed: ReadonlyMap<string, Signature>, startedAt: number): void;
