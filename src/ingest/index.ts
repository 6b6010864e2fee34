// Workbook ingestion: .xlsx bytes (or raw tables) → typed tables and input errors.
export type * from './types.ts';
export type { RawCell, RawTable } from './raw.ts';
export { typeTables, cellAddress, columnLetter, type TypeTablesOptions } from './type-tables.ts';
export { readWorkbook, sha256Hex, DEFAULT_INGEST_LIMITS, type ReadWorkbookOptions } from './read-workbook.ts';
export { WorkbookRejected, type RejectReason } from './rejections.ts';
export { parseHeaderMapping, HeaderMappingError } from './mapping.ts';
export { excelSerialToDay, dateObjectToDay } from './cells.ts';
