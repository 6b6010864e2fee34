// `ereje rules test --rule NAME`: a name that matches no rule is an error with a suggestion, never "0 passed".
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

describe('ereje rules test --rule', () => {
  it('exits 2 with a did-you-mean for a rule that does not exist, in the chosen language', async () => {
    const en = await run(['rules', 'test', '--rule', 'group-sise', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('ereje: --rule group-sise: no such rule — did you mean «group-size»?\n');
    const qualified = await run(['rules', 'test', '--rule', 'residential/group-sise', '--lang', 'ru']);
    expect(qualified.stderr).toBe('ereje: --rule residential/group-sise: такого правила нет — возможно, имелось в виду «residential/group-size»?\n');
    const far = await run(['rules', 'test', '--rule', 'nothing-like-any-rule-at-all', '--lang', 'kk']);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe('ereje: --rule nothing-like-any-rule-at-all: мұндай ереже жоқ; `ereje rules list` ережелерді атайды.\n');
  });

  it('runs the examples of a rule that exists', async () => {
    const r = await run(['rules', 'test', '--rule', 'residential/group-size', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/examples: \d+ passed, 0 failed/);
  });
});
