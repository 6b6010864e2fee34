// Echoed text: cut to a readable length, and control characters shown instead of obeyed.
import { describe, expect, it } from 'vitest';
import { clip, QUOTED_VALUE_LENGTH, terminalSafe } from '../../src/core/text.ts';

describe('clip', () => {
  it('keeps short text and cuts long text to 60 characters and …', () => {
    expect(clip('Мейірім')).toBe('Мейірім');
    expect(clip('x'.repeat(60))).toBe('x'.repeat(60));
    expect(clip('x'.repeat(1_000_000))).toBe('x'.repeat(QUOTED_VALUE_LENGTH) + '…');
    expect(clip('abcdef', 3)).toBe('abc…');
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(100);
    expect(clip(text, 3)).toBe('😀😀😀…');
    expect(clip(text, 60)).toBe('😀'.repeat(60) + '…');
  });
});

describe('terminalSafe', () => {
  it('shows ESC, BEL and other C0/C1 controls escaped', () => {
    expect(terminalSafe('\u001b]0;pwned\u0007\u001b[2J')).toBe('\\u001b]0;pwned\\u0007\\u001b[2J');
    expect(terminalSafe('a\u009bb\u007fc\u0000')).toBe('a\\u009bb\\u007fc\\u0000');
  });

  it('folds line breaks and tabs to a space, so one entry stays one line', () => {
    expect(terminalSafe('Балалар\nүйі\r\n№1\tx')).toBe('Балалар үйі №1 x');
    expect(terminalSafe('a\u2028b')).toBe('a\\u2028b');
  });

  it('shows bidirectional overrides escaped and leaves right-to-left text and Kazakh as they are', () => {
    expect(terminalSafe('report\u202Excslx.exe')).toBe('report\\u202excslx.exe');
    expect(terminalSafe('مرحبا Қазақстан')).toBe('مرحبا Қазақстан');
  });
});
