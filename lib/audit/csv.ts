/**
 * CSV for spreadsheets. Every cell is quoted (quotes doubled), and a cell a spreadsheet would read
 * as a formula (starting with = + - @, or a tab or carriage return that some programs skip first)
 * gets a leading apostrophe, so a name like "=HYPERLINK(...)" stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}
