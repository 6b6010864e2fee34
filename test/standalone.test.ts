// The project stands alone: nothing users read points outside the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// The folder of specifications that sits beside the repository while it is developed, spelt in parts so
// that this test does not name it itself.
const BESIDE = ['..', 'shared'].join('/');
const SPECS = ['shared', 'spec'].join('/');

describe('the repository', () => {
  it('points at no folder beside it from its README, docs, rules, examples, scripts, sources or reports', () => {
    const texts = ['README.md', ...['docs', 'rules', 'examples', 'scripts', 'src', 'reports', 'bench', 'test/fixtures'].flatMap(files)]
      .filter((f) => /\.(md|ts|ereje|json|html|txt)$/.test(f));
    const pointing = texts.filter((f) => { const text = readFileSync(f, 'utf8'); return text.includes(BESIDE) || text.includes(SPECS); });
    expect(pointing).toEqual([]);
  });
});
