/** CSV as spreadsheets read it cleanly: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark. */
export type Cell = string | number | null | undefined;

const BOM = '\uFEFF';
// A text cell starting with one of these is read as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell. Text that a spreadsheet would run as a formula gets a leading single quote;
 * numbers are the core's own values, not someone's text, and stay numbers (a vote of -1).
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: Cell[]) => cells.map(csvCell).join(',');

/** The whole file: byte order mark, header, rows, every line ended by CRLF. */
export function csvDocument(header: string[], rows: Cell[][]): string {
  return BOM + [header, ...rows].map((row) => `${csvRow(row)}\r\n`).join('');
}
