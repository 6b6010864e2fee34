/** The AST without source positions, as stored in *.ast.json and compared after formatting. */
export function stripSpans(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v) => (k === 'span' || k === 'clauseSpan' || k === 'quoteSpan' || k === 'nameSpan' ? undefined : v)));
}
