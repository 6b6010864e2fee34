// A finding judged by an amendment is shown with the amendment's wording of the clause, one judged by the
// original text with the original's: the quote follows the version (`rule@version` in the quote map).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const fixture = 'test/fixtures/amendment';
const RESIDENTIAL = 'kz/mlsp-306-o/residential';

function packWithAmendment(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-quotes-'));
  cpSync('rules', dir, { recursive: true });
  for (const f of ['2010-test-amendment.ereje', '2010-test-amendment.manifest.json']) cpSync(join(fixture, 'residential', f), join(dir, RESIDENTIAL, f));
  cpSync(join(fixture, 'act', 'test-amendment.txt'), join(dir, 'kz/mlsp-306-o/act/test-amendment.txt'));
  return dir;
}

describe('quotes by version', () => {
  it('shows the amendment\'s quote under a finding the amendment judged, in Markdown and HTML', async () => {
    const rules = packWithAmendment();
    const workbook = join(fixture, 'residential-2009q4-2010q1.xlsx');
    const md = await run(['audit', workbook, '--rules', rules, '--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(1);
    const clause = md.stdout.slice(md.stdout.indexOf('#### A1.30.5'), md.stdout.indexOf('####', md.stdout.indexOf('#### A1.30.5') + 5));
    // group-size under 2010-test-amendment: a group without self-care skills holds at most 5 (the original says 6).
    expect(clause).toContain('> …болмаған жағдайда - 5 адамнан асырмай');
    expect(clause).not.toContain('6 адамнан асырмай');
    // Without the amendment, the same rule is quoted as the original words it.
    const before = await run(['audit', workbook, '--format', 'md', '--lang', 'en']);
    expect(before.stdout).not.toContain('5 адамнан асырмай');
    const html = await run(['audit', workbook, '--rules', rules, '--format', 'html', '--lang', 'en']);
    expect(html.stdout).toContain('«…болмаған жағдайда - 5 адамнан асырмай');
  });

  it('names the version that judged each entry when the audit used two versions of the ruleset, in every human format', async () => {
    const rules = packWithAmendment();
    const workbook = join(fixture, 'residential-2009q4-2010q1.xlsx');
    const md = await run(['audit', workbook, '--rules', rules, '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toContain('#### A1.30.5 — residential/group-size@2010-test-amendment');
    const html = await run(['audit', workbook, '--rules', rules, '--format', 'html', '--lang', 'en']);
    expect(html.stdout).toContain('<span class="rule mono">residential/group-size@2010-test-amendment</span>');
    const terminal = await run(['audit', workbook, '--rules', rules, '--lang', 'en']);
    expect(terminal.stdout).toContain('(residential/group-size@2010-test-amendment)');
    expect(terminal.stdout).toContain('(residential/complaint-review-monthly@2009-240-o)');
    // With one version, the rule alone, as before.
    const before = await run(['audit', workbook, '--lang', 'en']);
    expect(before.stdout).toContain('(residential/complaint-review-monthly)');
    expect(before.stdout).not.toMatch(/residential\/[a-z-]+@/);
  });
});
