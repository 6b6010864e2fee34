import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

describe('ereje CLI', () => {
  it('prints help and exits 0', async () => {
    let out = '';
    const code = await main(['--help'], { stdout: (t) => { out += t; }, stderr: () => {}, isTTY: false });
    expect(code).toBe(0);
    expect(out).toContain('audit');
  });
});
