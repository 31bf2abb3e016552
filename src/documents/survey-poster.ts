import QRCode from 'qrcode';
import { isolate, startPdf } from './pdf.ts';

export interface SurveyPosterData {
  /** The survey's address, which the QR code holds and the poster also prints for typing. */
  link: string;
  organisationName: string;
  /** The activity the participants took part in (the application's title). */
  activity: string;
}

/** A QR code's light border, in modules: the four a scanner needs to find the code. */
const QUIET = 4;
/** The code's side on the page, in points (about 8 cm): scanned from a few steps away on a wall. */
const QR_SIZE = 230;

/**
 * The A4 poster for the wall of the hall: a QR code of the survey's link, the link itself, and a short text in
 * Swedish, English and easy Swedish (lättläst) saying what is asked and that nobody's name is. Set in the
 * embedded fonts, so the association's name prints as written ("Çağla", Arabic, emoji).
 */
export async function surveyPosterPdf(d: SurveyPosterData): Promise<Buffer> {
  const { text, heading, figure, gap, finish } = startPdf('Vad tyckte du? · What did you think?', d.organisationName, 'sv', { titleSize: 30 });
  text(`${isolate(d.activity)} · ${isolate(d.organisationName)}`, { size: 16, bold: true });
  gap(1);
  const qr = QRCode.create(d.link, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  figure(`QR-kod till enkäten / QR code for the survey: ${d.link}`, QR_SIZE, (doc, x, y) => {
    const cell = QR_SIZE / (modules + 2 * QUIET);
    doc.save();
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) {
        if (qr.modules.get(row, col)) doc.rect(x + (col + QUIET) * cell, y + (row + QUIET) * cell, cell, cell);
      }
    }
    doc.fillColor('#000000').fill();
    doc.restore();
  });
  gap(0.5);
  text(d.link, { size: 12 });
  heading('Svenska', { size: 15 });
  text(
    `Skanna koden med mobilen och svara på några korta frågor om hur du hade det på ${isolate(d.activity)}. Det tar ett par minuter. Du är anonym: vi frågar inte efter ditt namn, och ingen kan se vem som svarat vad.`,
    { size: 12 },
  );
  heading('English', { size: 15, lang: 'en' });
  text(
    `Scan the code with your phone and answer a few short questions about how it was for you at ${isolate(d.activity)}. It takes a couple of minutes. You are anonymous: we do not ask for your name, and nobody can see who answered what.`,
    { size: 12, lang: 'en' },
  );
  heading('Lättläst', { size: 15 });
  text('Vad tycker du? Skanna koden med mobilen. Svara på några frågor. Du skriver inte ditt namn. Ingen vet vad just du svarar.', { size: 12 });
  return finish();
}
