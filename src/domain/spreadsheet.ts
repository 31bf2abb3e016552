/**
 * What a cell of an exported spreadsheet may hold, and the rule that keeps text from running as a formula.
 *
 * Excel, LibreOffice and Google Sheets read a cell that starts with one of these characters as a formula,
 * in CSV and often when a text cell is edited in XLSX, so an applicant's "=HYPERLINK(…)" would run on the
 * caseworker's machine (OWASP, CSV injection). A leading apostrophe makes the spreadsheet show it as text.
 */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

export const TEXT_PREFIX = "'";

/** A value written to a cell: text, a real number, a truth value, a date, or nothing. */
export type CellValue = string | number | boolean | Date | null;

/** True when a spreadsheet could take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0]);
}

/** The text as it should stand in a cell: prefixed with an apostrophe if it could start a formula, otherwise unchanged. */
export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? TEXT_PREFIX + text : text;
}

/**
 * Any value as a cell that cannot run as a formula. Numbers, truth values and dates keep their type (a negative
 * number is a number, not a formula); everything else becomes neutralised text, so an object such as exceljs's
 * `{ formula }` can never reach a sheet as a formula.
 */
export function spreadsheetCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : neutraliseText(value.toString());
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') return neutraliseText(value);
  return neutraliseText(String(value));
}
