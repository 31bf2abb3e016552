import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import { type FontKey, faceFor, font, layout } from './fonts.ts';

/**
 * Line layout for the PDFs: Unicode text in any direction, wrapped to a width.
 *
 * pdfkit draws glyphs left to right in the order it is given them and does not
 * run the Unicode bidirectional algorithm; its own wrapping lays out each word
 * on its own, so a two-word Arabic name came out with its words swapped. So
 * here: bidi-js resolves the embedding levels of a paragraph, we break it into
 * lines, reorder each line for display (UBA rule L2, per grapheme), pick a font
 * per grapheme (DejaVu, or Noto Emoji where DejaVu lacks a glyph), and draw
 * each run at its position. fontkit shapes Arabic (initial, medial, final
 * forms and lam-alef) and lays a right-to-left run out right to left itself.
 */

// bidi-js is CommonJS whose module.exports is the factory; its typings describe an ES default export, so load it as what it is.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface Span {
  text: string;
  bold?: boolean;
}

export interface Box {
  x: number;
  width: number;
  size: number;
}

/** Bidi controls (marks and isolates) steer the order and are not drawn. */
const BIDI_CONTROL = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
/** Where a line may break: after spaces. The no-break spaces inside amounts ("3 000 kr") and dates keep them on one line. */
const BREAKING_SPACE = /^[ \u1680\u2000-\u2006\u2008-\u200B\u205F\u3000]$/u;
/** Characters that can make any part of a paragraph right to left: Hebrew, Arabic and their neighbours, their presentation forms, and the right-to-left marks, embedding, override and isolate. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200F\u202B\u202E\u2067]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/**
 * An organisation number, date, time, phone number or amount ("802400-1234",
 * "2027-05-02", "3 000 kr"). After an Arabic word the bidi algorithm turns its
 * digits into Arabic numbers and leaves the hyphen neutral, which shows
 * "802400-1234" as "1234-802400"; such numbers are kept left to right, as typed.
 */
const NUMBER_WITH_SEPARATORS = /[0-9]+(?:[-\u2010\u2011\u2013/.:,\u00A0\u202F][0-9]+)+/g;
/** The first character with a script of its own decides whether fontkit lays a run out right to left (its script's direction). */
const FIRST_SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_Turkic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Old_North_Arabian}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const fontkitReverses = (s: string) => RTL_SCRIPT.test(FIRST_SCRIPTED.exec(s)?.[0] ?? '');
const hasRtlScript = (s: string) => RTL_SCRIPT.test(s);

interface Cluster {
  /** The grapheme as drawn: a bracket in right-to-left text is mirrored, and a bidi control is not drawn at all. */
  text: string;
  /** Its place among the drawn graphemes of the paragraph, in reading order. */
  ord: number;
  level: number;
  key: FontKey;
  space: boolean;
}

interface Piece {
  text: string;
  key: FontKey;
  /** Given (even empty) so pdfkit lays the whole run out at once instead of word by word; fontkit then orders a right-to-left run itself. */
  features?: [];
  width: number;
  /** Where it starts in reading order; pieces go into the page in this order. */
  start: number;
  /** Right-to-left (or Arabic-script) text goes into marked content of its own, which keeps extractors from running it together with its neighbours. */
  separate: boolean;
  x?: number;
}

/** The advance width of a run at size 1. */
export function width(s: string, key: FontKey, features?: []): number {
  return layout(key, s, features).advanceWidth / font(key).unitsPerEm;
}

/** Wraps a value so its direction does not leak into the sentence around it (a "first strong isolate", like HTML's <bdi>). */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export const metrics = (size: number) => {
  const f = font('text-regular');
  const scale = size / f.unitsPerEm;
  return { lineHeight: (f.ascent - f.descent + f.lineGap) * scale, ascent: f.ascent * scale };
};

/** The paragraphs of spans (a line break in the text starts a new one), each with the weight of every character. */
function paragraphsOf(spans: Span[]): { text: string; bold: boolean[] }[] {
  let text = '';
  const bold: boolean[] = [];
  const rtl = spans.some((s) => RIGHT_TO_LEFT.test(s.text));
  for (const s of spans) {
    // A tab is a space here, and other control characters have no glyph to draw.
    let t = s.text
      .normalize('NFC')
      .replace(/\t/g, ' ')
      .replace(/(?![\n\r])\p{Cc}/gu, '');
    if (rtl) t = t.replace(NUMBER_WITH_SEPARATORS, (n) => `\u2066${n}\u2069`);
    text += t;
    for (let i = 0; i < t.length; i++) bold.push(!!s.bold);
  }
  const paragraphs: { text: string; bold: boolean[] }[] = [];
  let offset = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    paragraphs.push({ text: paragraph, bold: bold.slice(offset, offset + paragraph.length) });
    offset += paragraph.length + (text.startsWith('\r\n', offset + paragraph.length) ? 2 : 1);
  }
  return paragraphs;
}

/** Writes spans as one paragraph (a line break in the text starts a new one) from doc.y down, adding pages as needed. */
export function writeText(doc: PDFKit.PDFDocument, spans: Span[], box: Box): void {
  for (const p of paragraphsOf(spans)) writeParagraph(doc, p.text, p.bold, box);
}

/** How tall the spans stand when written in the box, so a table row can be kept on one page. */
export function textHeight(spans: Span[], box: Box): number {
  let lines = 0;
  for (const p of paragraphsOf(spans)) lines += layOut(p.text, p.bold, box).lines.length;
  return lines * metrics(box.size).lineHeight;
}

/** A paragraph's graphemes with their levels and fonts, its base level, and where its lines break. */
function layOut(text: string, bold: boolean[], box: Box) {
  // Text without right-to-left characters is all at level 0; bidi-js need not look at it.
  const { levels, paragraphs } = RIGHT_TO_LEFT.test(text) ? bidi.getEmbeddingLevels(text, 'auto') : { levels: new Uint8Array(text.length), paragraphs: [] };
  const base = paragraphs[0]?.level ?? 0;
  const clusters: Cluster[] = [];
  let drawn = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const level = levels[index];
    const mirrored = level % 2 === 1 ? bidi.getMirroredCharacter(segment) : null;
    const hidden = BIDI_CONTROL.test(segment);
    clusters.push({
      text: hidden ? '' : (mirrored ?? segment),
      ord: hidden ? -1 : drawn++,
      level,
      key: `${faceFor(segment)}-${bold[index] ? 'bold' : 'regular'}`,
      space: BREAKING_SPACE.test(segment),
    });
  }
  const measure = (s: string, key: FontKey, features?: []) => width(s, key, features) * box.size;
  return { clusters, base, measure, lines: breakLines(clusters, box.width, measure) };
}

function writeParagraph(doc: PDFKit.PDFDocument, text: string, bold: boolean[], box: Box) {
  const { lineHeight, ascent } = metrics(box.size);
  const { clusters, base, measure, lines } = layOut(text, bold, box);
  for (const [start, end] of lines) {
    // A new page carries the open structure over, so a paragraph that runs onto it stays one paragraph.
    if (doc.y + lineHeight > doc.page.maxY()) doc.continueOnNewPage();
    // Spaces at the end of a line are not drawn (UBA L1 moves them to the paragraph's end, past the margin).
    let last = end;
    while (last > start && (clusters[last - 1].space || !clusters[last - 1].text)) last--;
    const pieces = piecesOf(visualOrder(clusters.slice(start, last)), measure);
    const width = pieces.reduce((w, p) => w + p.width, 0);
    // A right-to-left paragraph (one whose first strong letter is, say, Arabic) is set flush right.
    let x = base % 2 === 1 ? box.x + box.width - width : box.x;
    for (const p of pieces) {
      p.x = x;
      x += p.width;
    }
    // Placed left to right but written in reading order: a reader that follows the content (a screen reader on pdf.js's text layer) gets the text as written.
    pieces.sort((a, b) => a.start - b.start);
    const y = doc.y + ascent;
    for (const p of pieces) {
      if (p.separate) doc.markContent('Span');
      doc
        .font(p.key)
        .fontSize(box.size)
        .text(p.text, p.x, y, { lineBreak: false, baseline: 'alphabetic', ...(p.features ? { features: p.features } : {}) });
      if (p.separate) doc.endMarkedContent();
    }
    doc.x = box.x;
    doc.y = y - ascent + lineHeight;
  }
}

/** Greedy line breaking at spaces; a word longer than the line is broken between graphemes. Returns [start, end) cluster ranges. */
function breakLines(clusters: Cluster[], width: number, measure: (s: string, key: FontKey) => number): [number, number][] {
  if (clusters.length === 0) return [[0, 0]];
  const widthOf = (from: number, to: number) => {
    let w = 0;
    for (let i = from; i < to; ) {
      let j = i + 1;
      while (j < to && clusters[j].key === clusters[i].key && clusters[j].level === clusters[i].level) j++;
      w += measure(
        clusters
          .slice(i, j)
          .map((c) => c.text)
          .join(''),
        clusters[i].key,
      );
      i = j;
    }
    return w;
  };
  const lines: [number, number][] = [];
  let lineStart = 0;
  let used = 0;
  let i = 0;
  while (i < clusters.length) {
    let wordEnd = i;
    while (wordEnd < clusters.length && !clusters[wordEnd].space) wordEnd++;
    let spacesEnd = wordEnd;
    while (spacesEnd < clusters.length && clusters[spacesEnd].space) spacesEnd++;
    // Measured with its spaces, as pdfkit lays text out word by word with the spaces after it, so the layout is shared.
    const withSpaces = widthOf(i, spacesEnd);
    const wordWidth = withSpaces - widthOf(wordEnd, spacesEnd);
    if (used > 0 && used + wordWidth > width) {
      lines.push([lineStart, i]);
      lineStart = i;
      used = 0;
    }
    if (used === 0 && wordWidth > width) {
      // Too long for any line: break it wherever the line is full.
      for (let k = i; k < wordEnd; k++) {
        const w = widthOf(k, k + 1);
        if (used > 0 && used + w > width) {
          lines.push([lineStart, k]);
          lineStart = k;
          used = 0;
        }
        used += w;
      }
      used += widthOf(wordEnd, spacesEnd);
    } else used += withSpaces;
    i = spacesEnd;
  }
  lines.push([lineStart, clusters.length]);
  return lines;
}

/** UBA rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher. */
function visualOrder(line: Cluster[]): Cluster[] {
  const out = line.slice();
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const c of out) {
    highest = Math.max(highest, c.level);
    if (c.level % 2 === 1) lowestOdd = Math.min(lowestOdd, c.level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j].level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/**
 * Turns a line in display order into what pdfkit draws: runs of one font and
 * one level that are also one stretch of the text. fontkit orders a run by the
 * direction of its first letter's script, so a right-to-left run of Arabic
 * goes to it in reading order (it shapes and reverses it), while a run it
 * would not reverse (only spaces, brackets or emoji) goes in display order,
 * and a left-to-right run it would reverse (Arabic-Indic digits) is drawn a
 * grapheme at a time.
 */
function piecesOf(visual: Cluster[], measure: (s: string, key: FontKey, features?: []) => number): Piece[] {
  const pieces: Piece[] = [];
  const add = (text: string, key: FontKey, start: number, features: [] | undefined, separate: boolean) =>
    pieces.push({ text, key, features, width: measure(text, key, features), start, separate });
  const shown = visual.filter((c) => c.text);
  for (let i = 0; i < shown.length; ) {
    const rtl = shown[i].level % 2 === 1;
    let j = i + 1;
    while (j < shown.length && shown[j].key === shown[i].key && shown[j].level === shown[i].level && shown[j].ord === shown[j - 1].ord + (rtl ? -1 : 1)) j++;
    const run = shown.slice(i, j);
    const key = run[0].key;
    const display = run.map((c) => c.text).join('');
    if (rtl) {
      const logical = run
        .map((c) => c.text)
        .reverse()
        .join('');
      if (fontkitReverses(logical)) add(logical, key, run[run.length - 1].ord, [], true);
      else add(display, key, run[run.length - 1].ord, undefined, true);
    } else if (hasRtlScript(display)) {
      for (const c of run) add(c.text, key, c.ord, [], true);
    } else add(display, key, run[0].ord, undefined, false);
    i = j;
  }
  return pieces;
}
