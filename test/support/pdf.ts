// Reading the PDFs the service writes back, as a reader and a screen reader would.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A document's text two ways, line by line.
 *
 * `reading`: as pdf.js gives it, the text layer that Firefox shows and reads
 * to a screen reader. pdf.js takes text in the order it is written into the
 * page and turns a right-to-left item back into reading order itself, so a
 * correct document reads exactly as written: "Sökande: مريم العلي, 802400-1234".
 *
 * `onPage`: the glyphs as they stand on the page, left to right, each as the
 * characters it stands for. A correctly set Arabic name stands reversed here
 * (its first letter rightmost); reading order alone cannot show that, since a
 * document written in reading order but drawn left to right reads the same.
 */
export async function pdfText(pdf: Buffer): Promise<{ reading: string[]; onPage: string[] }> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  const reading: string[] = [];
  const onPage: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    let line = '';
    let y: number | null = null;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      const top = Math.round(item.transform[5]);
      if (y !== null && top !== y && line) {
        reading.push(line);
        line = '';
      }
      y = top;
      line += item.str;
      if (item.hasEOL) {
        reading.push(line);
        line = '';
        y = null;
      }
    }
    if (line) reading.push(line);

    // Every glyph at its x on its baseline, from the text matrix, the font size and the glyphs' advances.
    const rows = new Map<number, { x: number; text: string }[]>();
    const ops = await page.getOperatorList();
    let matrix = [1, 0, 0, 1, 0, 0];
    let size = 0;
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i];
      if (fn === OPS.setFont) size = args[1];
      else if (fn === OPS.setTextMatrix) matrix = Array.from({ length: 6 }, (_, k) => args[0][k]);
      else if (fn === OPS.showText) {
        let x = matrix[4];
        const row = rows.get(Math.round(matrix[5])) ?? rows.set(Math.round(matrix[5]), []).get(Math.round(matrix[5]))!;
        for (const g of args[0] as ({ unicode: string; width: number } | number)[]) {
          if (typeof g === 'number') x -= (g * size) / 1000;
          else {
            row.push({ x, text: g.unicode });
            x += (g.width * size) / 1000;
          }
        }
      }
    });
    for (const row of rows.values())
      onPage.push(
        row
          .sort((a, b) => a.x - b.x)
          .map((g) => g.text)
          .join(''),
      );
  }
  await task.destroy();
  // Amounts and dates carry no-break spaces; compare them as plain ones.
  const plain = (lines: string[]) => lines.map((l) => l.replace(/\s/gu, ' ').trimEnd()).filter(Boolean);
  return { reading: plain(reading), onPage: plain(onPage) };
}

/** An element of a document's structure tree: its role (H1, P, Table…) and its children, down to the text it holds. */
export interface StructNode {
  role: string;
  children: StructNode[];
  /** The text of its own marked content, for a leaf. */
  text?: string;
}

export interface Accessibility {
  /** /MarkInfo << /Marked true >>: the document says it is tagged. */
  marked: boolean;
  /** The catalogue's /Lang. */
  lang: string | null;
  /** The info dictionary's /Title. */
  title: string | null;
  /** /ViewerPreferences << /DisplayDocTitle true >>: viewers show the title, not the file name. */
  displayTitle: boolean;
  /** The structure tree of each page (null for a page without one: no /StructTreeRoot). */
  pages: (StructNode | null)[];
  /** The text in the order the structure gives it, leaf by leaf. */
  structureText: string;
  /** The text in the order it is written into the pages, as a reader without the structure gets it. */
  contentText: string;
  /** Text drawn outside any structure element's marked content (neither tagged nor an artifact). */
  untagged: string[];
  /** Text drawn as an artifact (a running header), which screen readers skip; not in `contentText`. */
  artifactText: string[];
  /** Shapes drawn (rules, boxes): inside an artifact, which screen readers skip, and outside any marked content. */
  shapes: { artifact: number; untagged: number };
}

/** What a screen reader has to go by in a PDF: whether it is tagged, its language and title, and its structure with the text of each element. */
export async function pdfAccessibility(pdf: Buffer): Promise<Accessibility> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  // pdf.js answers these dictionaries as Maps, though its types say plain objects.
  const entry = (dict: unknown, key: string) => (dict instanceof Map ? dict.get(key) : (dict as Record<string, unknown> | null)?.[key]);
  const marked = entry(await doc.getMarkInfo(), 'Marked') === true;
  const displayTitle = entry(await doc.getViewerPreferences(), 'DisplayDocTitle') === true;
  const { info } = (await doc.getMetadata()) as { info: { Title?: string; Language?: string | null } };
  const pages: (StructNode | null)[] = [];
  const untagged: string[] = [];
  const artifactText: string[] = [];
  let structureText = '';
  let contentText = '';
  const shapes = { artifact: 0, untagged: 0 };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    const tags: string[] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) tags.push(ops.argsArray[i][0]);
      else if (fn === OPS.endMarkedContent) tags.pop();
      else if (fn === OPS.constructPath) {
        if (tags.includes('Artifact')) shapes.artifact++;
        else if (!tags.length) shapes.untagged++;
      }
    });
    // The text of each marked-content id, artifacts' text, and text outside any.
    const byId = new Map<string, string>();
    const open: (string | null)[] = [];
    const ARTIFACT = '\u0000artifact';
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
          // pdf.js gives each item the tag it marks, though its types leave it out.
          open.push((item as { tag?: string }).tag === 'Artifact' ? ARTIFACT : item.type === 'beginMarkedContentProps' ? (item.id ?? null) : null);
        else if (item.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (!('str' in item) || !item.str) continue;
      if (open.includes(ARTIFACT)) {
        artifactText.push(item.str);
        continue;
      }
      contentText += item.str;
      const id = open.findLast((x) => x !== null);
      if (id) byId.set(id, (byId.get(id) ?? '') + item.str);
      else untagged.push(item.str);
    }
    type Raw = { role?: string; type?: string; id?: string; children?: Raw[] };
    const convert = (node: Raw): StructNode => {
      if (node.type === 'content') {
        const text = byId.get(node.id ?? '') ?? '';
        structureText += text;
        return { role: 'content', children: [], text };
      }
      return { role: node.role ?? '', children: (node.children ?? []).map(convert) };
    };
    const tree = (await page.getStructTree()) as Raw | null;
    pages.push(tree ? convert(tree) : null);
  }
  await task.destroy();
  return {
    marked,
    lang: info.Language ?? null,
    title: info.Title ?? null,
    displayTitle,
    pages,
    structureText,
    contentText,
    untagged,
    artifactText,
    shapes,
  };
}

/** Every element of the structure with a role, depth first (the order a screen reader reads them). */
export function structElements(a: Accessibility): StructNode[] {
  const out: StructNode[] = [];
  const walk = (node: StructNode) => {
    if (node.role !== 'content') out.push(node);
    for (const child of node.children) walk(child);
  };
  for (const page of a.pages) if (page) walk(page);
  return out;
}

/** The text of an element: its content and its children's, in order. */
export const textOf = (node: StructNode): string => node.text ?? node.children.map(textOf).join('');
