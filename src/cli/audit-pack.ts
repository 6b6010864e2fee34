// The rule pack for `ereje audit`: rule files → compiled rulesets, plus the version choice per workbook.
import { FatalError } from './errors.ts';
import type { AuditPack } from './audit-run.ts';

export async function loadAuditPack(dir: string): Promise<AuditPack> {
  throw new FatalError(`cannot load the rules in ${dir}: the rule compiler and engine are not built yet (src/rulepack/index.ts, src/engine/index.ts)`);
}
