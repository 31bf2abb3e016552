// The one place the service writes CSV and XLSX files. Every cell passes through spreadsheetCell, so text
// an applicant typed can never run as a formula in the caseworker's spreadsheet; a test keeps csv-stringify
// and exceljs from being imported anywhere else.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { type CellValue, neutraliseText, spreadsheetCell } from '../domain/spreadsheet.ts';

export interface SheetTable {
  /** The worksheet's name in XLSX. */
  name: string;
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** Excel number formats by column number (1-based), e.g. { 7: '# ##0.00' }. */
  numberFormats?: Readonly<Record<number, string>>;
  /** Every column's width in characters in XLSX. */
  columnWidth?: number;
}

const cells = (row: readonly unknown[]): CellValue[] => row.map(spreadsheetCell);

/** A date as a Swedish caseworker reads it (2026-03-01 14:05:00, Stockholm time). */
const csvDate = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });

function csvCell(value: CellValue): string | number {
  if (value === null) return '';
  if (value instanceof Date) return neutraliseText(csvDate(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/**
 * The table as CSV text: a byte-order mark and semicolons, which Excel set to Swedish opens correctly. Every
 * text is quoted, so a reader that splits on commas instead still keeps "Förening,=…" as one harmless cell.
 */
/**
 * One row of a CSV that is streamed rather than built whole (a payment run's file): the same cells as
 * toCsv, with CRLF line ends, and a line break inside a field kept inside its quotes.
 */
export function csvLine(row: readonly unknown[]): string {
  return stringify([cells(row).map(csvCell)], { delimiter: ';', quoted_string: true, record_delimiter: '\r\n', quote_record_delimiter: true });
}

export function toCsv(table: SheetTable): string {
  const records = [table.headers, ...table.rows].map((row) => cells(row).map(csvCell));
  return `\ufeff${stringify(records, { delimiter: ';', quoted_string: true })}`;
}

/**
 * Characters XML 1.0 forbids (control characters, lone surrogates) become U+FFFD: exceljs would write them as they
 * are, and Excel then calls the whole file damaged. Replaced, not removed, so no formula sign moves to the front.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const xlsxCells = (row: readonly unknown[]): CellValue[] => cells(row).map((c) => (typeof c === 'string' ? neutraliseText(c.replace(NOT_XML, '\uFFFD')) : c));

/** The table as one XLSX worksheet with a bold header row. */
export async function toXlsx(table: SheetTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.name);
  sheet.addRow(xlsxCells(table.headers)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(xlsxCells(row));
  for (const [column, format] of Object.entries(table.numberFormats ?? {})) sheet.getColumn(Number(column)).numFmt = format;
  if (table.columnWidth) {
    for (const column of sheet.columns) column.width = table.columnWidth;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;

/** Sends the table as a CSV download named `${baseName}.csv`. */
export function sendCsv(reply: FastifyReply, baseName: string, table: SheetTable) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', attachment(`${baseName}.csv`))
    .send(toCsv(table));
}

/** Sends the table as an XLSX download named `${baseName}.xlsx`. */
export async function sendXlsx(reply: FastifyReply, baseName: string, table: SheetTable) {
  const file = await toXlsx(table);
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachment(`${baseName}.xlsx`))
    .send(file);
}
