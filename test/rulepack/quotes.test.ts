// Quotes are compared with the act with all whitespace removed; `…` marks omitted text; parts in order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/lang/index.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';
import { quoteParts, verifyFileQuotes, verifyQuote } from '../../src/rulepack/quotes.ts';

const act = readFileSync(new URL('../../rules/kz/mlsp-306-o/act/000_76fe1cc4a2d2ef2d.txt', import.meta.url), 'utf8');
const amended = readFileSync(new URL('../fixtures/amendment/act/test-amendment.txt', import.meta.url), 'utf8');

describe('verifyQuote', () => {
  it('accepts a quote whose words the act letter-spaces and breaks across lines', () => {
    // In the act: "… 3 \nжастан 18 жасқа … (бұдан әрі - балалар) уақытша \nн е м е с е  т ұ р а қ т ы  т ұ р у ы н а  а р н а л ғ а н ."
    expect(verifyQuote('3 жастан 18 жасқа дейінгі мүгедек балалардың … тұруына арналған', act)).toEqual({ ok: true });
    expect(verifyQuote('өзіне өзі қызмет көрсету және жеке гигиена дағдылары болмаған жағдайда - 6 адамнан асырмай', act)).toEqual({ ok: true });
  });

  it('accepts leading and trailing ellipses', () => {
    expect(quoteParts('…(болса) үзінді көшірме')).toEqual(['(болса) үзінді көшірме']);
    expect(verifyQuote('…(болса) үзінді көшірме', act)).toEqual({ ok: true });
    expect(verifyQuote('ұстамалары жиі (айына 5 реттен артық) болатын эпилепсияның …', act)).toEqual({ ok: true });
  });

  it('rejects a mistyped quote and says which part', () => {
    const r = verifyQuote('МӘҰ басшысы ай сайын', act);
    expect(r).toEqual({ ok: false, reason: { kind: 'not-found', part: 'МӘҰ басшысы ай сайын', partIndex: 0 } });
    expect(verifyQuote('3 жастан 18 жасқа дейінгі мүгедек балалардың … тұруына арналмаған', act))
      .toMatchObject({ ok: false, reason: { kind: 'not-found', partIndex: 1 } });
  });

  it('rejects parts written out of the act\'s order', () => {
    expect(verifyQuote('уәкілетті орган ай сайын қарап отырады … МӘҰ-де шағымдар мен ұсыныстар кітабы ресімделеді', act))
      .toEqual({ ok: false, reason: { kind: 'out-of-order', part: 'МӘҰ-де шағымдар мен ұсыныстар кітабы ресімделеді', partIndex: 1 } });
  });

  it('rejects an empty quote, and is case-sensitive (the catalog\'s capital Ш for A2.35 is not in the act)', () => {
    expect(verifyQuote(' … ', act)).toEqual({ ok: false, reason: { kind: 'empty' } });
    expect(verifyQuote('Шағымдар мен ұсыныстар кітабы ресімделеді, ол әкімшілікте сақталады', act).ok).toBe(false);
    expect(verifyQuote('шағымдар мен ұсыныстар кітабы ресімделеді, ол әкімшілікте сақталады', act).ok).toBe(true);
  });

  it('with an annex, requires the quote inside that annex', () => {
    // Annex 1, point 46; annex 3 words it differently ("МӘҰ-ның басшысы … - ай сайын қарайды").
    expect(verifyQuote('уәкілетті орган ай сайын қарап отырады', act, { annex: 1 })).toEqual({ ok: true });
    expect(verifyQuote('уәкілетті орган ай сайын қарап отырады', act, { annex: 3 })).toEqual({ ok: false, reason: { kind: 'outside-annex', annex: 3 } });
    // The catalog's A2.9 quote ends "болуы міндетті": in annex 2 a form reference splits the words, and
    // only annex 3 (point 41) has them together, so without the annex it would pass by coincidence.
    const catalogA29 = 'Шартта … Шарттың іске асырылу мерзімінің … болуы міндетті';
    expect(verifyQuote(catalogA29, act).ok).toBe(true);
    expect(verifyQuote(catalogA29, act, { annex: 2 })).toEqual({ ok: false, reason: { kind: 'outside-annex', annex: 2 } });
    expect(verifyQuote('Шартта … Шарттың іске асырылу мерзімінің … болуы … міндетті', act, { annex: 2 })).toEqual({ ok: true });
  });

  it('tells an amendment that replaced text: the old quote fails against the amended act, the new one passes', () => {
    expect(verifyQuote('уәкілетті орган ай сайын қарап отырады', act).ok).toBe(true);
    expect(verifyQuote('уәкілетті орган ай сайын қарап отырады', amended)).toMatchObject({ ok: false, reason: { kind: 'not-found' } });
    expect(verifyQuote('уәкілетті орган тоқсан сайын қарап отырады', amended).ok).toBe(true);
    expect(verifyQuote('уәкілетті орган тоқсан сайын қарап отырады', act).ok).toBe(false);
  });
});

describe('quote diagnostics', () => {
  it('points at the rule\'s quote with a kk/ru/en message', () => {
    const text = `ruleset residential version "t" {
  title en "t"
  applies_to residential
  act { issuer en "m" number "240-ө" date 2009-07-30 title en "t" }
  in_force from 2009-09-07
  source "act.txt"
}
rule r {
  clause A1.46
  severity major
  scope periodic "weeks"
  quote "МӘҰ басшысы ай сайын"
  per full week w in audit_period
  require exists(complaint_reviews x where x.date within w)
  message en "m"
}
`;
    const file = parseRuleFile(text, 'r.ereje').file!;
    const ds = verifyFileQuotes(file, act, 'act.txt');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', code: 'quote-mismatch', span: { line: 12, col: 9 } });
    expect(ds[0]!.message.en).toContain('not in the act');
    expect(ds[0]!.message.ru).toContain('не найдена');
    expect(ds[0]!.message.kk).toContain('жоқ');
    expect(verifyFileQuotes(file, null, 'act.txt').map((d) => d.code)).toEqual(['quote-source-missing']);
  });

  it('checks a table against the annex most rules cite: one rule moved to another annex does not move the tables', () => {
    const original = readFileSync(new URL('../../rules/kz/mlsp-306-o/day-care/2009-240-o.ereje', import.meta.url), 'utf8');
    const text = original.replace('rule regime-hours {\n  clause A3.1\n', 'rule regime-hours {\n  clause A1.8\n');
    expect(text).not.toBe(original);
    const file = parseRuleFile(text, 'day-care.ereje').file!;
    expect(file.rules[0]!.clause).toBe('A1.8');
    const ds = verifyFileQuotes(file, act, 'act.txt');
    // Only the moved rule's own quote is outside its (new) annex; the group-size table stays in annex 3.
    expect(ds.map((d) => `${d.span.line} ${d.message.en.slice(0, 44)}`)).toEqual([`${file.rules[0]!.quoteSpan.line} The quote is in the act but not in annex 1 (`]);
  });

  it('every rule and table quote of the bundled pack occurs in the act', async () => {
    const pack = await loadRulePack();
    expect(pack.diagnostics.filter((d) => d.code.startsWith('quote'))).toEqual([]);
    let n = 0;
    for (const f of pack.files) {
      if (!f.ruleset) continue;
      for (const r of f.rules) { n++; expect(verifyQuote(r.quote, act), `${f.ruleset.id}/${r.name}`).toEqual({ ok: true }); }
    }
    expect(n).toBe(89);
  });
});
