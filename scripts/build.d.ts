// Types of scripts/build.js (plain JavaScript, so that bin/ereje.js runs it without a TypeScript loader).
export declare const ROOT: string;
export declare function buildInputs(root?: string): string[];
export declare function sourceFingerprint(root?: string): string;
export declare function builtCli(root?: string, fingerprint?: string): { file: string; url: string; fingerprint: string; built: boolean };
export declare function build(root?: string, fingerprint?: string): Promise<string>;
