import PDFDocument from 'pdfkit';

/** An A4 document with the house style: a title, headings and "label: value" fields. Resolves to the bytes on end(). */
export function startPdf(title: string, author: string) {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: author } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(title).font('Helvetica').fontSize(10);
  return {
    doc,
    heading: (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10),
    field: (label: string, value: string) =>
      doc
        .font('Helvetica-Bold')
        .text(`${label}: `, { continued: true })
        .font('Helvetica')
        .text(value || '—'),
    finish: () => {
      doc.end();
      return done;
    },
  };
}
