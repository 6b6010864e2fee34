import { describe, expect, it } from 'vitest';
import { parseRuleFile, renderDiagnostic, type Diagnostic } from '../../src/lang/index.ts';

const span = (line: number, col: number, endCol: number) => ({ file: 'a.ereje', line, col, endLine: line, endCol, offset: 0, length: endCol - col });
const diag = (s: ReturnType<typeof span>): Diagnostic => ({
  severity: 'error', code: 'x', span: s, message: { en: 'expected a date', ru: 'ожидается дата', kk: 'күн күтілген еді' },
});

describe('renderDiagnostic', () => {
  it('prints file:line:col, the source line and carets under the span', () => {
    const text = 'rule r {\n  where x before 2010-01-01\n}\n';
    expect(renderDiagnostic(diag(span(2, 11, 17)), text, 'en')).toBe(
      'a.ereje:2:11: error: expected a date\n    where x before 2010-01-01\n            ^^^^^^');
  });

  it('speaks the requested language', () => {
    expect(renderDiagnostic(diag(span(1, 1, 2)), 'x', 'kk')).toContain('error: күн күтілген еді');
    expect(renderDiagnostic(diag(span(1, 1, 2)), 'x', 'ru')).toContain('error: ожидается дата');
  });

  it('keeps tabs so the caret lines up, and shows at least one caret', () => {
    const out = renderDiagnostic(diag(span(1, 3, 3)), '\t\tx', 'en').split('\n');
    expect(out[2]).toBe('  \t\t^');
  });

  it('points at the end of the file for an unexpected end, naming the block left open', () => {
    const text = 'rule r {\n  clause A1.2\n';
    const { diagnostics } = parseRuleFile(text, 'a.ereje');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message.en).toBe("rule r (opened at 1:1) is not closed: add the missing '}' at its end");
    expect(diagnostics[0].message.ru).toBe("rule r (открыт в 1:1) не закрыт: добавьте недостающую '}' в его конце");
    expect(diagnostics[0].message.kk).toBe("rule r (1:1 жолында ашылған) жабылмаған: соңына жетіспейтін '}' қойыңыз");
    expect(diagnostics[0].span.line).toBe(2);
    // Anything else at the end of the file keeps the general message.
    expect(parseRuleFile('rule r {\n  clause\n', 'a.ereje').diagnostics[0]!.message.en).toContain("after 'clause', but found the end of the file");
  });
});
