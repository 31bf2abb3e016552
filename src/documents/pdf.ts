import PDFDocument from 'pdfkit';
import type { Lang } from '../i18n/messages.ts';
import { FONT_KEYS, font } from './fonts.ts';
import { isolate, metrics, type Span, textHeight, width as widthOf, writeText } from './text.ts';

export { isolate };

const BODY = 10;
const BULLET = '•\u00A0';
/** Space between a table's columns. */
const CELL_GAP = 12;

/**
 * An A4 document with the house style: a title, headings, paragraphs, lists,
 * tables and "label: value" fields, all set in embedded Unicode fonts so every
 * applicant's name comes out as written, in any script and direction. Builders
 * write only through these helpers. Interpolate names and other outside text
 * with isolate() so that a right-to-left name does not carry the words after it
 * along. Resolves to the bytes on finish().
 *
 * The document is a tagged PDF (PDF/UA's sense): it names its title (which
 * viewers show instead of the file name) and language, and every helper writes
 * its text into a structure element (H1, H2, P, L/LI, Table/TR/TH/TD) in the
 * order it is read, so a screen reader can move by heading, list and table.
 * Decoration (the rule under the title) is marked as an artifact, which screen readers skip.
 *
 * `pageMark` is a line set in the top margin of every page (a draft's "not signed"): a running
 * header, so an artifact too; the title says the same to a screen reader once.
 */
export function startPdf(title: string, author: string, lang: Lang, options: { pageMark?: string; titleSize?: number } = {}) {
  // No default font: Helvetica would only be parsed to go unused.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: '',
    tagged: true,
    pdfVersion: '1.7',
    lang,
    displayTitle: true,
    info: { Title: title, Author: author },
  });
  // pdfkit takes a parsed fontkit font as well as a file; its types only know the file.
  for (const key of FONT_KEYS) doc.registerFont(key, font(key) as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = () => doc.page.margins.left;
  const full = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const write = (spans: Span[], size = BODY, x = left(), width = full()) => writeText(doc, spans, { x, width, size });
  const gap = (lines: number) => {
    doc.y += metrics(BODY).lineHeight * lines;
  };
  // Room for the bullet: the text of a list item starts here, and so do its later lines.
  const bulletWidth = widthOf(BULLET, 'text-regular') * BODY;
  const root = doc.struct('Document');
  doc.addStructure(root);
  /** A structure element of `type` under `parent` whose content is what `draw` writes; `lang` where it is not the document's. */
  const element = (type: string, draw: () => void, parent: PDFKit.PDFStructureElement = root, lang?: string) =>
    parent.add(doc.struct(type, (lang ? { lang } : {}) as { title?: string }, draw));

  /** Decoration: drawn outside the structure, as an artifact that screen readers skip. */
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save();
    draw();
    doc.restore();
    doc.endMarkedContent();
  };

  if (options.pageMark) {
    const mark = options.pageMark;
    const drawMark = () => {
      const { x, y } = doc;
      doc.y = doc.page.margins.top / 2 - metrics(BODY).lineHeight / 2;
      artifact(() => write([{ text: mark, bold: true }]));
      doc.x = x;
      doc.y = y;
    };
    drawMark();
    // A page added mid-paragraph has had the open structure closed and not yet reopened, so the mark stands outside it.
    doc.on('pageAdded', drawMark);
  }

  element('H1', () => write([{ text: title, bold: true }], options.titleSize ?? 18));
  // A rule under the title sets it off from the text; it says nothing, so it is not read.
  const rule = doc.y + 2;
  artifact(() =>
    doc
      .moveTo(left(), rule)
      .lineTo(left() + full(), rule)
      .lineWidth(0.5)
      .strokeColor('#767676')
      .stroke(),
  );
  doc.y = rule + 4;
  return {
    /** A paragraph; wraps, and a line break in the text starts a new paragraph. `lang` where it is not the document's. */
    text: (text: string, style: { bold?: boolean; size?: number; lang?: string } = {}) =>
      element('P', () => write([{ text, bold: style.bold }], style.size), root, style.lang),
    heading: (text: string, style: { lang?: string; size?: number } = {}) => {
      gap(0.8);
      element('H2', () => write([{ text, bold: true }], style.size ?? 12), root, style.lang);
    },
    /**
     * A picture (a QR code) `size` points square, centred, drawn by `draw` with its top left corner at (x, y):
     * a Figure whose alternative text says what it shows, for a screen reader.
     */
    figure: (alt: string, size: number, draw: (doc: PDFKit.PDFDocument, x: number, y: number) => void) => {
      if (doc.y + size > doc.page.maxY()) doc.continueOnNewPage();
      const x = left() + (full() - size) / 2;
      const y = doc.y;
      root.add(doc.struct('Figure', { alt, bbox: [x, y, x + size, y + size], placement: 'Block' } as { alt: string }, () => draw(doc, x, y)));
      doc.x = left();
      doc.y = y + size;
    },
    /**
     * A bold label and its value, in the label's left-to-right paragraph: an
     * Arabic name stands right to left within it, and a Swedish sentence that
     * starts with one still reads left to right.
     */
    field: (label: string, value: string) => element('P', () => write([{ text: `${label}: `, bold: true }, { text: value || '—' }])),
    /** A bulleted list: each item's bullet is its label (Lbl), its text the body (LBody), set with a hanging indent. */
    list: (items: string[]) => {
      // An empty list or table would be an element with nothing in it; there is nothing to say.
      if (!items.length) return;
      const list = doc.struct('L');
      root.add(list);
      for (const item of items) {
        const li = doc.struct('LI');
        list.add(li);
        // The bullet and the first line of its text stand on one line, on one page.
        if (doc.y + metrics(BODY).lineHeight > doc.page.maxY()) doc.continueOnNewPage();
        const y = doc.y;
        // The no-break space is drawn, so the bullet and the text read (and copy) as "• text".
        element('Lbl', () => write([{ text: BULLET }], BODY, left(), full()), li);
        doc.y = y;
        element('LBody', () => write([{ text: item }], BODY, left() + bulletWidth, full() - bulletWidth), li);
        li.end();
      }
      list.end();
    },
    /**
     * A table whose rows are each headed by their first cell (a row header, TH) followed by data
     * cells (TD), the columns sharing the width in the proportions of `widths`. A row is kept on one page.
     * With `header`, the first row heads the columns: all its cells are column headers (TH).
     */
    table: (rows: string[][], widths: number[], options: { header?: boolean } = {}) => {
      if (!rows.length) return;
      const table = doc.struct('Table');
      root.add(table);
      const total = widths.reduce((a, b) => a + b, 0);
      for (const [r, row] of rows.entries()) {
        const headerRow = options.header === true && r === 0;
        const columns = row.map((cell, i) => ({
          cell,
          x: left() + (full() * widths.slice(0, i).reduce((a, b) => a + b, 0)) / total,
          width: (full() * widths[i]) / total - (i < row.length - 1 ? CELL_GAP : 0),
          head: headerRow || i === 0,
          scope: headerRow ? 'Column' : 'Row',
        }));
        const height = Math.max(...columns.map((c) => textHeight([{ text: c.cell, bold: c.head }], { x: c.x, width: c.width, size: BODY })));
        if (doc.y + height > doc.page.maxY()) doc.continueOnNewPage();
        const top = doc.y;
        const tr = doc.struct('TR');
        table.add(tr);
        for (const c of columns) {
          doc.y = top;
          // pdfkit writes a header cell's scope (/A << /O /Table /Scope /Row >>); its types do not know the option.
          const options = (c.head ? { scope: c.scope } : {}) as { title?: string };
          tr.add(doc.struct(c.head ? 'TH' : 'TD', options, () => write([{ text: c.cell, bold: c.head }], BODY, c.x, c.width)));
        }
        tr.end();
        doc.y = top + height;
      }
      table.end();
    },
    /** Vertical space, in body lines. */
    gap,
    finish: () => {
      root.end();
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
  const { text, finish } = startPdf('Samverka', 'Samverka', 'sv');
  text('Åäö Çağla Łódź مريم العلي 🌙 802400-1234');
  await finish();
}
