import PDFDocument from 'pdfkit';
import { FONT_KEYS, font } from './fonts.ts';
import { isolate, metrics, type Span, writeText } from './text.ts';

export { isolate };

const BODY = 10;

/**
 * An A4 document with the house style: a title, headings and "label: value"
 * fields, all set in embedded Unicode fonts so every applicant's name comes out
 * as written, in any script and direction. Builders write only through these
 * helpers. Interpolate names and other outside text with isolate() so that a
 * right-to-left name does not carry the words after it along. Resolves to the
 * bytes on finish().
 */
export function startPdf(title: string, author: string) {
  // No default font: Helvetica would only be parsed to go unused.
  const doc = new PDFDocument({ size: 'A4', margin: 56, font: '', info: { Title: title, Author: author } });
  // pdfkit takes a parsed fontkit font as well as a file; its types only know the file.
  for (const key of FONT_KEYS) doc.registerFont(key, font(key) as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const box = (size: number) => ({ x: doc.page.margins.left, width: doc.page.width - doc.page.margins.left - doc.page.margins.right, size });
  const write = (spans: Span[], size = BODY) => writeText(doc, spans, box(size));
  const gap = (lines: number) => {
    doc.y += metrics(BODY).lineHeight * lines;
  };

  write([{ text: title, bold: true }], 18);
  return {
    /** A paragraph; wraps, and a line break in the text starts a new paragraph. */
    text: (text: string, style: { bold?: boolean; size?: number } = {}) => write([{ text, bold: style.bold }], style.size),
    heading: (text: string) => {
      gap(0.8);
      write([{ text, bold: true }], 12);
    },
    /**
     * A bold label and its value, in the label's left-to-right paragraph: an
     * Arabic name stands right to left within it, and a Swedish sentence that
     * starts with one still reads left to right.
     */
    field: (label: string, value: string) => write([{ text: `${label}: `, bold: true }, { text: value || '—' }]),
    /** Vertical space, in body lines. */
    gap,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/**
 * Reads the fonts and lays out a line in each script once, so the first document a person asks for
 * (a decision letter made under the budget's lock, say) does not wait the half second that takes.
 */
export async function warmUpDocuments(): Promise<void> {
  const { text, finish } = startPdf('Samverka', 'Samverka');
  text('Åäö Çağla Łódź مريم العلي 🌙 802400-1234');
  await finish();
}
