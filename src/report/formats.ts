// The report formats, in a module of their own: the command line lists them in its help without
// loading the renderers.
export type ReportFormat = 'json' | 'md' | 'html' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'xlsx'];

/** The custom document property of an .xlsx report that carries its schema: the mark of a report ereje wrote. */
export const XLSX_REPORT_PROPERTY = 'ereje-report';
