// The parser and the lexer are built without Chevrotain's checks of the grammar (they cost as much as
// building them, on every run); the checks run here, so a grammar change that makes the grammar
// ambiguous or a token unreachable still fails.
import { describe, expect, it } from 'vitest';
import { ErejeParser } from '../../grammar/parser.ts';
import { createLexer } from '../../grammar/tokens.ts';

describe('the grammar', () => {
  it('passes Chevrotain\'s checks of the parser (ambiguity, left recursion, …)', () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" when a check fails.
    expect(() => new ErejeParser({ validate: true })).not.toThrow();
  });

  it('passes Chevrotain\'s checks of the token definitions', () => {
    expect(createLexer({ validate: true }).lexerDefinitionErrors).toEqual([]);
  });
});
