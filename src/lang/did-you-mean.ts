// The did-you-mean helper lives in src/core (ingest and the CLI suggest names too); the rule-language
// checker keeps importing it from here.
export { closest, levenshtein, suggestion } from '../core/did-you-mean.ts';
