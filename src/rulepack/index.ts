// The rule pack: loading rule folders, quote verification, clause manifests and coverage, listing,
// clause-level diffs between versions, and running the examples written in the rule files.
export { defaultRulesDir, loadRuleSources, findFiles, displayPath, ruleFolderProblem, type RuleSource } from './load.ts';
export { loadRulePack, afterCheck, quoteMap, type RulePack, type CompiledFile, type PostCheck } from './pack.ts';
export { verifyQuote, verifyFileQuotes, quoteParts, squeeze, type QuoteCheck, type QuoteFailure } from './quotes.ts';
export { parseManifest, validateManifest, countPoints, annexCoverage, type ClauseManifest, type ManifestPoint, type PointStatus, type AnnexCoverage, type CoverageCounts, type LoadedManifest } from './manifest.ts';
export { packCoverage, renderCoverage } from './coverage.ts';
export { listRulesets, renderList, type VersionListing } from './list.ts';
export { diffRulesets, renderDiff, tableClausesOf, conditionText, type RulesetDiff, type RuleDiff, type FieldChange, type TableValueChange } from './diff.ts';
export { exampleCases, planExamples, notRunText, runRuleExamples, summarize, summaryLine, EXAMPLE_FACILITY, type ExampleCase, type ExampleNotRun, type ExamplePlan, type ExampleResult, type RuleTestSummary } from './test-runner.ts';
export { rulePackCheckHook } from './check-hook.ts';
