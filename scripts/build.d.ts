// Types of scripts/build.js (plain JavaScript, so that bin/ereje.js runs it without a TypeScript loader).
import type { Signature } from './build-stamp.js';

export declare const ROOT: string;
export declare function buildInputs(root?: string, seen?: Map<string, Signature>): string[];
export declare function sourceFingerprint(root?: string, seen?: Map<string, Signature>): string;
export declare function builtCli(root?: string, fingerprint?: string): { file: string; url: string; fingerprint: string; built: boolean };
export declare function build(root?: string, fingerprint?: string): Promise<string>;
export declare function ensureBuild(root?: string): Promise<{ file: string; url: string; fingerprint: string; built: boolean }>;
