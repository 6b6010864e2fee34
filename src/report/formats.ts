// The report formats, in a module of their own: the command line lists them in its help without
// loading the renderers.
export type ReportFormat = 'json' | 'md' | 'html' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'xlsx'];
