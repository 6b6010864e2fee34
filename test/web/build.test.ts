// The self-check page as built: what its scripts are made of (no parser, no checker, no Node built-in),
// its policy, the rule pack it carries (read back and run outside a browser, it audits every example
// as `ereje audit` does, in every language), and `ereje web`.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/lang.ts';
import { packageRoot } from '../../src/web/build/index.ts';
import { EngineSession } from '../../src/web/engine/session.ts';
import type { FromEngine } from '../../src/web/protocol.ts';
import { run } from '../cli/helpers.ts';
import { builtPage } from './built-page.ts';

const EXAMPLES = readdirSync('examples').filter((n) => n.endsWith('.xlsx')).sort();

/** The text of the page's element with this id (a <script> holding data or code). */
function element(html: string, id: string): string {
  const m = new RegExp(`<script[^>]*id="${id}"[^>]*>([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error(`no #${id}`);
  return m[1]!;
}

describe('the page\'s scripts', () => {
  it('hold no rule-language parser or checker, and no Node built-in', async () => {
    const { inputs } = await builtPage();
    for (const list of [inputs.page, inputs.engine]) {
      expect(list.filter((p) => /chevrotain|src\/lang\/(parse|lex|check|build-file|build-expr|blocks)\.ts|grammar\//.test(p))).toEqual([]);
      expect(list.filter((p) => p.startsWith('node:') || /src\/ingest\/platform\.ts$/.test(p))).toEqual([]);
    }
    // The engine has what an audit needs, the browser's ingest platform among it; the page script only its own modules.
    expect(inputs.engine).toEqual(expect.arrayContaining(['src/web/ingest-platform.ts', 'src/compile/ruleset.ts', 'src/report/html.ts', 'src/template/build.ts']));
    expect(inputs.engine.some((p) => p.includes('node_modules/xlsx/'))).toBe(true);
    expect(inputs.page.filter((p) => !p.startsWith('src/web/') && p !== 'src/core/lang.ts')).toEqual([]);
  });

  it('run under a policy naming the page script by its hash, and nothing else but blob: workers', async () => {
    const html = readFileSync((await builtPage()).path, 'utf8');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!, 'utf8').digest('base64');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain(`script-src 'sha256-${hash}' blob:`);
    expect(csp).toMatch(/^default-src 'none'; .*worker-src blob:; .*connect-src 'none'/);
    // No address of anywhere: no URL a browser could fetch is named by any element.
    expect(html).not.toMatch(/\s(src|href|action)=["']?[a-z]+:/i);
    // The rule files are named from the rules folder, not from the machine the page was built on.
    expect(html).not.toContain(packageRoot());
  });
});

describe('the rule pack the page carries', () => {
  it('audits every example as `ereje audit --format json` does, in kk, ru and en', async () => {
    const html = readFileSync((await builtPage()).path, 'utf8');
    const messages: FromEngine[] = [];
    const session = new EngineSession((m) => messages.push(m));
    const data = JSON.parse(element(html, 'page-data')) as { version: string };
    await session.handle({ type: 'init', pack: element(html, 'rules').trim(), version: data.version });
    expect(messages.splice(0)).toEqual([{ type: 'ready' }]);
    let id = 1;
    for (const example of EXAMPLES) {
      const file = new Blob([readFileSync(join('examples', example))]);
      await session.handle({ type: 'audit', id: id++, file, name: example, asOf: null, lang: 'kk' });
      expect(messages.map((m) => m.type)).toEqual(['progress', 'progress', 'progress', 'progress', 'report']);
      for (const lang of LANGS) {
        messages.splice(0);
        await session.handle({ type: 'download', id: id++, format: 'json', lang });
        const saved = messages.find((m) => m.type === 'file');
        expect(saved && saved.type === 'file' ? saved.content : null).toBe((await run(['audit', join('examples', example), '--format', 'json', '--lang', lang])).stdout);
      }
      messages.splice(0);
    }
  });
});

describe('ereje web', () => {
  it('writes the page, and leaves an existing file alone unless --force', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ereje-web-cli-')), 'self-check.html');
    const first = await run(['web', '--out', out, '--lang', 'en']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe(`ereje: wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(JSON.parse(element(html, 'page-data')).defaultLang).toBe('en');
    const again = await run(['web', '--out', out, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; ereje does not overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe(html);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a rule folder that does not compile, in one line', async () => {
    const r = await run(['web', '--out', join(tmpdir(), 'never-written.html'), '--rules', 'no/such/rules', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: the rule files in no\/such\/rules do not compile — .*no\/such\/rules:1:1: the rules folder .* does not exist; run `ereje rules check no\/such\/rules`/);
    expect(existsSync(join(tmpdir(), 'never-written.html'))).toBe(false);
  });
});
