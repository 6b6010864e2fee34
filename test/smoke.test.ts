import { describe, expect, it } from 'vitest';
import { run } from './cli/helpers.ts';

describe('ereje CLI', () => {
  it('prints help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('audit');
  });
});
