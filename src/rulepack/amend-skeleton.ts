// The skeleton of an amendment file (`ereje rules amend`): the header naming the version amended, the
// amending act as far as it is known, and how to write the changes. What is not known yet is left out,
// so that `rules check` asks for it rather than a made-up value passing.
import { posix } from 'node:path';
import { quoteText } from '../lang/format-expr.ts';
import type { RuleFile } from '../lang/ast.ts';

export interface AmendmentSkeleton {
  /** The version amended (the effective one, when it is an amendment itself). */
  readonly base: RuleFile;
  readonly version: string;
  /** ISO date the amending order takes effect. */
  readonly from: string;
  /** Why `from` is approximate (the date is not in the order's text), if it is. */
  readonly approximate?: string;
  readonly actNumber?: string;
  readonly actDate?: string;
  /** The amending order's text, relative to the new file. */
  readonly source: string;
}

/** Where the amending order's text goes by default: beside the amended version's act, named by the version. */
export function defaultSource(base: RuleFile, version: string): string {
  const dir = base.ruleset?.source ? posix.dirname(base.ruleset.source) : '../act';
  return posix.join(dir, `${version}.txt`);
}

export function amendmentSkeleton(s: AmendmentSkeleton): string {
  const rs = s.base.ruleset!;
  const ref = `${rs.id}@${rs.version}`;
  const issuer = (['kk', 'ru', 'en'] as const).filter((l) => rs.act.issuer[l] !== undefined)
    .map((l, i) => `${i === 0 ? '    issuer ' : '           '}${l} ${quoteText(rs.act.issuer[l]!)}`);
  const example = s.base.rules[0];
  return [
    `# Amendment of ${ref}: write here only what the amending order changes; every rule, table and`,
    '# example not named below is inherited as it is. The parts of a change:',
    '#   change rule NAME { … }     the parts of a rule the order words anew (quote, severity, require …);',
    '#                              a new quote is checked against this file\'s source, the amending order',
    '#   rule NAME { … }            a duty the order adds (a whole rule, with examples)',
    '#   repeal rule NAME           a duty the order removes (a point it deletes is "repealed" in the manifest)',
    '#   change table NAME { quote "…" KEY = VALUE }   changed values, with the order\'s words for them',
    `# Then: ereje rules check, ereje rules test, ereje rules diff ${ref} ${rs.id}@${s.version}`,
    '# (docs/amending.md walks through a whole amendment).',
    '',
    `ruleset ${rs.id} version ${quoteText(s.version)} amends ${quoteText(ref)} {`,
    '  act {',
    ...issuer,
    s.actNumber ? `    number ${quoteText(s.actNumber)}` : '    # number "…"          the amending order\'s number',
    s.actDate ? `    date ${s.actDate}` : '    # date YYYY-MM-DD     the day it was signed',
    '    # registration "…" registered YYYY-MM-DD',
    '    # title kk "…" ru "…" en "…"',
    '  }',
    `  in_force from ${s.from}${s.approximate ? ` approximate ${quoteText(s.approximate)}` : ''}`,
    `  source ${quoteText(s.source)}`,
    '}',
    '',
    ...(example ? [
      `# For example (${example.clause}):`,
      `# change rule ${example.name} {`,
      '#   quote "…"',
      '# }',
      '',
    ] : []),
  ].join('\n');
}
