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
