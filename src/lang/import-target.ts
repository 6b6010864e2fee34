// Which file an `import table … from "…"` names: its path relative to the importing file's folder, or —
// for an import a merged amendment inherits from its base — the file the base's import named, resolved
// against the base's folder. The base and the amendment may be named differently (one by a path relative
// to the working folder, the other absolute, when they were checked from folders inside and outside it),
// and no path relative to the amendment's folder can name a file given by a relative path then.
import { posix } from 'node:path';
import type { ImportDecl, RuleFile } from './ast.ts';

export function importTarget(file: Pick<RuleFile, 'path'>, imp: ImportDecl): string {
  return imp.resolved ?? posix.normalize(posix.join(posix.dirname(posix.normalize(file.path)), imp.from));
}
