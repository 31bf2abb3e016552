import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type BasisData, decisionBasisPdf, type MinutesRow, minutesPdf } from '../../src/documents/decision-basis.ts';
import { type DecisionLetterData, decisionLetterPdf } from '../../src/documents/decision-letter.ts';
import { type ReceiptData, receiptPdf } from '../../src/documents/receipt.ts';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import type { Question } from '../../src/domain/calls/types.ts';
import { ore } from '../../src/domain/money.ts';
import { type Accessibility, pdfAccessibility, pdfText, structElements, textOf } from '../support/pdf.ts';

// Names Helvetica (Latin-1 only) garbled: Latin Extended, Arabic (right to left, joined letters, the lam-alef ligature in "علاء") and an emoji.
const NAMES = ['Föreningen Ümit & Çağla', 'Łódź Ungdom', 'جمعية الشباب', 'مريم العلي', 'علاء حسن', 'Nattvandrarna 🌙'];
const ARABIC_PERSON = 'مريم العلي';
const ORG_NUMBER = '802400-1234';

/** How a line of text stands on the page: each stretch of Arabic reversed, its first letter rightmost; Latin letters, digits and emoji as written. */
const onPage = (line: string) => line.replace(/\p{Script=Arabic}(?:[\p{Script=Arabic}\s]*\p{Script=Arabic})?/gu, (run) => [...run].reverse().join(''));

/** The line is in the document, both as read and as printed. */
function expectLine(text: { reading: string[]; onPage: string[] }, line: string) {
  expect(text.reading).toContain(line);
  expect(text.onPage).toContain(onPage(line));
}

/** Every glyph pdf.js draws, with the characters it stands for. */
async function glyphTexts(pdf: Buffer): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn === OPS.showText) for (const g of ops.argsArray[i][0] as { unicode?: string }[]) if (g?.unicode) out.push(g.unicode);
    });
  }
  await task.destroy();
  return out;
}

const content = (over: Partial<ApplicationContent> = {}): ApplicationContent => ({
  title: 'Nattvandring i Rosengård',
  description: 'Vuxna vandrar fredag och lördag kväll i området och samtalar med unga.',
  complement: 'Kompletterar fältgruppens arbete på helger.',
  focusAreas: ['Trygghet'],
  activities: [
    {
      typeKey: 'nattvandring',
      proposedType: null,
      description: 'Vandring två kvällar i veckan',
      targetGroups: [],
      areas: ['Rosengård'],
      from: '2027-04-01',
      to: '2027-12-31',
      expectedParticipants: 40,
    },
  ],
  budget: [{ label: 'Västar och lampor', amount: ore(1_200_000) }],
  ownContribution: ore(200_000),
  otherFunding: ore(0),
  amountRequested: ore(1_200_000),
  partners: [{ orgNumber: ORG_NUMBER, name: 'جمعية الشباب', role: 'Samordning' }],
  contacts: [{ name: ARABIC_PERSON, email: 'maryam@example.se', phone: '070-123 45 67' }],
  declarations: {},
  answers: {},
  attachments: [],
  ...over,
});

const receipt = (organisationName: string, over: Partial<ReceiptData> = {}): ReceiptData => ({
  funderName: 'Malmö stad',
  callTitle: 'Trygghetsbidrag 2027',
  caseNumber: 'KS 2027/0042',
  submittedAt: new Date('2027-03-01T10:15:00Z'),
  organisationName,
  content: content(),
  questions: [] as Question[],
  activityTypes: { nattvandring: 'Nattvandring' },
  ...over,
});

const letter = (organisationName: string, over: Partial<DecisionLetterData> = {}): DecisionLetterData => ({
  funderName: 'Malmö stad',
  decisionBody: 'Kommunstyrelsen',
  madeBy: 'committee',
  paragraph: '§ 12',
  decidedOn: '2027-05-02',
  letterDate: '2027-05-03',
  caseNumber: 'KS 2027/0042',
  organisationName,
  orgNumber: ORG_NUMBER,
  callTitle: 'Trygghetsbidrag 2027',
  applicationTitle: 'Nattvandring i Rosengård',
  outcome: 'approved',
  amount: ore(1_200_000),
  amountRequested: ore(1_200_000),
  grantFrom: '2027-06-01',
  grantTo: '2027-12-31',
  conditions: '',
  reasons: 'Uppdraget kompletterar stadens arbete.',
  reportDueMonths: 3,
  reportingDuties: { financial: true, survey: false },
  reservations: [
    { kind: 'reservation', by: ARABIC_PERSON, text: 'Jag vill bevilja hela beloppet.' },
    { kind: 'dissent', by: 'Łukasz Żółć (L)', text: 'أعارض القرار' },
  ],
  appeal: { law: 'kommunallagen', from: '2027-05-10', deadline: '2027-05-31' },
  supersedes: null,
  ...over,
});

const basisRow = (organisationName: string, i: number): BasisData['rows'][number] => ({
  caseNumber: `KS 2027/00${40 + i}`,
  organisationName,
  title: 'Nattvandring',
  amountRequested: ore(1_200_000),
  screening: { outcome: 'eligible' },
  scores: { count: 2, mean: 3.5, spread: 0.5 },
  proposal: { amount: ore(1_000_000), reasons: `${organisationName} når unga i området.` },
  decision: null,
});

const minutesRow = (organisationName: string, i: number): MinutesRow => ({
  paragraph: `§ ${12 + i}`,
  caseNumber: `KS 2027/00${40 + i}`,
  organisationName,
  outcome: 'approved',
  amount: ore(1_000_000),
  reasons: 'Uppdraget kompletterar stadens arbete.',
  reservations: [{ kind: 'reservation', by: organisationName === ARABIC_PERSON ? 'Anna Berg (M)' : ARABIC_PERSON, text: 'Avslag.' }],
});

describe('the receipt', () => {
  it.each(NAMES)('writes the applicant %s as written, and the fields after it intact', async (name) => {
    const text = await pdfText(await receiptPdf('sv', receipt(name)));
    expectLine(text, `Sökande organisation: ${name}`);
    expect(text.reading[text.reading.indexOf(`Sökande organisation: ${name}`) + 1]).toBe('Utlysning: Trygghetsbidrag 2027');
    // An Arabic partner followed by its organisation number, an Arabic contact followed by e-mail and phone.
    expectLine(text, `• جمعية الشباب (${ORG_NUMBER}): Samordning`);
    expectLine(text, `• ${ARABIC_PERSON}, maryam@example.se, 070-123 45 67`);
    expectLine(text, 'Sökt belopp: 12 000 kr');
  });

  it('names activity types, attachments and the time zone in words, never by their codes', async () => {
    const data = receipt('Nattvandrarna', {
      content: content({
        activities: [
          { ...content().activities[0], typeKey: 'night_walks' },
          { ...content().activities[0], typeKey: null, proposedType: 'Läxhjälp på arabiska' },
        ],
        attachments: [
          { kind: 'statutes', fileId: '00000000-0000-4000-8000-000000000001', name: 'stadgar.pdf' },
          { kind: 'annual_report', fileId: '00000000-0000-4000-8000-000000000002', name: 'arsberattelse.pdf' },
        ],
      }),
      activityTypes: { night_walks: 'Nattvandring' },
    });
    const sv = (await pdfText(await receiptPdf('sv', data))).reading.join('\n');
    expect(sv).toContain('• Nattvandring: Vandring två kvällar i veckan');
    expect(sv).toContain('• Läxhjälp på arabiska (ny aktivitetstyp, föreslagen): ');
    expect(sv).toContain('• stadgar.pdf (Stadgar)');
    expect(sv).toContain('• arsberattelse.pdf (Verksamhetsberättelse)');
    expect(sv).toMatch(/Inkom: .* \(svensk tid\)/);
    const en = (await pdfText(await receiptPdf('en', { ...data, activityTypes: { night_walks: 'Night walks' } }))).reading.join('\n');
    expect(en).toContain('• Night walks: Vandring två kvällar i veckan');
    expect(en).toContain('• arsberattelse.pdf (Annual report)');
    expect(en).toMatch(/Received: .* \(Swedish time\)/);
    // No code of the kind people were shown before: snake_case keys, or the zone's database name.
    for (const text of [sv, en]) {
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(text).not.toContain('Europe/Stockholm');
      expect(text).not.toMatch(/\((statutes|budget|other)\)/);
    }
  });

  it("names the file that answers a file question, not the file's id", async () => {
    const fileId = '00000000-0000-4000-8000-000000000003';
    const questions: Question[] = [{ id: 'lease', page: 1, type: 'file', label: 'Hyresavtal för lokalen', required: false }];
    const data = receipt('Łódź Ungdom', { content: content({ answers: { lease: fileId } }), questions, fileNames: { [fileId]: 'hyresavtal-çağla.pdf' } });
    const text = (await pdfText(await receiptPdf('sv', data))).reading;
    expect(text).toContain('Hyresavtal för lokalen: hyresavtal-çağla.pdf');
    expect(text.join('\n')).not.toContain(fileId);
  });

  it('writes names in the English receipt too', async () => {
    const text = await pdfText(await receiptPdf('en', receipt('Łódź Ungdom 🌙')));
    expectLine(text, 'Applicant organisation: Łódź Ungdom 🌙');
    expectLine(text, `• ${ARABIC_PERSON}, maryam@example.se, 070-123 45 67`);
  });

  it('embeds subsets of DejaVu Sans and Noto Emoji, not Helvetica, and stays small', async () => {
    const pdf = await receiptPdf('sv', receipt('Nattvandrarna 🌙'));
    const raw = pdf.toString('latin1');
    expect(raw).not.toMatch(/Helvetica/);
    // A subset's name carries a six-letter tag; the whole DejaVu Sans alone is 740 KB.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji-Regular\b/);
    expect(pdf.length).toBeLessThan(60_000);
  });

  it('shapes Arabic: the lam-alef of "علاء" is one ligature glyph, and reads back in order', async () => {
    const pdf = await receiptPdf('sv', receipt('علاء حسن'));
    // The ligature glyph stands for two characters; unshaped, each letter would have a glyph of its own.
    expect((await glyphTexts(pdf)).filter((g) => [...g].length === 2 && g.includes('ل') && g.includes('ا'))).not.toHaveLength(0);
    expectLine(await pdfText(pdf), 'Sökande organisation: علاء حسن');
  });

  it('keeps a long Arabic description in reading order across the lines it wraps onto, each line set right to left', async () => {
    const description =
      'نلتقي بالشباب في الحي كل مساء جمعة وسبت ونتحدث معهم عن المدرسة والعمل والرياضة ونساعدهم على إيجاد أنشطة مفيدة بعيدا عن الشارع بالتعاون مع المدرسة والنادي';
    const text = await pdfText(await receiptPdf('sv', receipt('جمعية الشباب', { content: content({ description }) })));
    const start = text.reading.findIndex((l) => l.startsWith('Vad uppdraget är: '));
    const end = text.reading.findIndex((l) => l.startsWith('Hur det kompletterar'));
    expect(end - start).toBeGreaterThan(1);
    expect(text.reading.slice(start, end).join(' ')).toBe(`Vad uppdraget är: ${description}`);
    for (const line of text.reading.slice(start, end)) expect(text.onPage).toContain(onPage(line));
  });
});

describe('the decision letter', () => {
  it.each(NAMES)('names the applicant %s with its organisation number after it, in Swedish', async (name) => {
    const text = await pdfText(await decisionLetterPdf('sv', letter(name)));
    expectLine(text, `Sökande: ${name}, ${ORG_NUMBER}`);
    expectLine(text, `• ${ARABIC_PERSON} reserverade sig mot beslutet: Jag vill bevilja hela beloppet.`);
    expectLine(text, '• Łukasz Żółć (L) anmälde avvikande mening: أعارض القرار');
  });

  it.each(NAMES)('names the applicant %s with its organisation number after it, in English', async (name) => {
    const text = await pdfText(await decisionLetterPdf('en', letter(name)));
    expectLine(text, `Applicant: ${name}, ${ORG_NUMBER}`);
    expectLine(text, `• ${ARABIC_PERSON} entered a reservation against the decision: Jag vill bevilja hela beloppet.`);
    expectLine(text, '• Łukasz Żółć (L) recorded a dissenting opinion: أعارض القرار');
  });

  it('mirrors brackets in right-to-left text, so the party after an Arabic name is enclosed the right way', async () => {
    const reservations = [{ kind: 'reservation' as const, by: `${ARABIC_PERSON} (V)`, text: '' }];
    const text = await pdfText(await decisionLetterPdf('sv', letter('Łódź Ungdom', { reservations })));
    // Right to left the name's first letter is rightmost and "(V)" stands to its left, drawn with mirrored glyphs so it still reads "(V)".
    expect(text.onPage).toContain(`• (V) ${onPage(ARABIC_PERSON)} reserverade sig mot beslutet.`);
    // pdf.js turns the run back into reading order but does not mirror the brackets back; the name itself reads as written.
    expect(text.reading.find((l) => l.startsWith('• '))).toMatch(new RegExp(`^• ${ARABIC_PERSON} .V. reserverade sig mot beslutet\\.$`));
  });

  it('keeps Swedish and digits in order around an Arabic name in free text', async () => {
    // Plain bidi would print "(1234-802400)" here: after an Arabic letter the digits count as Arabic numbers and the hyphen as neutral.
    const conditions = `Sökande: ${ARABIC_PERSON} (${ORG_NUMBER}) redovisar senast 2028-03-31.`;
    expectLine(await pdfText(await decisionLetterPdf('sv', letter(ARABIC_PERSON, { conditions }))), conditions);
  });
});

describe('the decision basis', () => {
  it('heads each proposal with the case number and the applicant as written, and keeps the reasons after the name', async () => {
    const data: BasisData = {
      funderName: 'Malmö stad',
      decisionBody: 'Kommunstyrelsen',
      callTitle: 'Trygghetsbidrag 2027',
      budget: { amount: ore(10_000_000), granted: ore(0), remaining: ore(10_000_000), proposedUndecided: ore(6_000_000) },
      rows: NAMES.map(basisRow),
      printedOn: '2027-05-01',
    };
    const text = await pdfText(await decisionBasisPdf('sv', data));
    NAMES.forEach((name, i) => {
      expectLine(text, `KS 2027/00${40 + i} ${name}`);
      expectLine(text, `Motivering: ${name} når unga i området.`);
    });
  });
});

describe('the minutes extract', () => {
  it('heads each paragraph with the applicant as written, and records reservations by name', async () => {
    const text = await pdfText(
      await minutesPdf('sv', {
        funderName: 'Malmö stad',
        decisionBody: 'Kommunstyrelsen',
        callTitle: 'Trygghetsbidrag 2027',
        decidedOn: '2027-05-02',
        rows: NAMES.map(minutesRow),
      }),
    );
    NAMES.forEach((name, i) => {
      expectLine(text, `§ ${12 + i} KS 2027/00${40 + i} ${name}`);
    });
    expectLine(text, `${ARABIC_PERSON} reserverar sig: Avslag.`);
    expectLine(text, 'Anna Berg (M) reserverar sig: Avslag.');
  });
});

describe('every document is a tagged PDF a screen reader can navigate', () => {
  const basis = (): BasisData => ({
    funderName: 'Malmö stad',
    decisionBody: 'Kommunstyrelsen',
    callTitle: 'Trygghetsbidrag 2027',
    budget: { amount: ore(10_000_000), granted: ore(0), remaining: ore(10_000_000), proposedUndecided: ore(6_000_000) },
    rows: NAMES.map(basisRow),
    printedOn: '2027-05-01',
  });
  const documents: [string, 'sv' | 'en', () => Promise<Buffer>, string][] = [
    ['receipt', 'sv', () => receiptPdf('sv', receipt('Çağla Øvergård 🌙')), 'Mottagningskvitto KS 2027/0042'],
    ['receipt', 'en', () => receiptPdf('en', receipt(ARABIC_PERSON)), 'Receipt KS 2027/0042'],
    ['decision letter', 'sv', () => decisionLetterPdf('sv', letter('Çağla Øvergård')), 'Beslut om bidrag KS 2027/0042'],
    ['decision letter', 'en', () => decisionLetterPdf('en', letter(ARABIC_PERSON)), 'Grant decision KS 2027/0042'],
    ['decision basis', 'sv', () => decisionBasisPdf('sv', basis()), 'Beslutsunderlag: Trygghetsbidrag 2027'],
    ['decision basis', 'en', () => decisionBasisPdf('en', basis()), 'Decision basis: Trygghetsbidrag 2027'],
  ];
  const roles = (a: Accessibility) => structElements(a).map((e) => e.role);
  /** Amounts carry no-break spaces, and pdf.js puts a space where a cell's text starts after a gap. */
  const plain = (text: string) => text.replace(/\s+/gu, ' ').trim();

  it.each(documents)('the %s (%s) says it is tagged, names its title and language, and has headings and paragraphs', async (_name, lang, make, title) => {
    const a = await pdfAccessibility(await make());
    expect(a.marked).toBe(true);
    expect(a.pages.every((p) => p !== null)).toBe(true);
    expect(a.lang).toBe(lang);
    expect(a.title).toBe(title);
    expect(a.displayTitle).toBe(true);
    const elements = structElements(a);
    expect(elements[0].role).toBe('Root');
    expect(elements[1].role).toBe('Document');
    // The title is the one first-level heading, and the first thing read.
    expect(elements.filter((e) => e.role === 'H1').map(textOf)).toEqual([title]);
    expect(elements[2].role).toBe('H1');
    expect(roles(a)).toContain('H2');
    expect(roles(a)).toContain('P');
    // The rule under the title is decoration: an artifact, outside the structure.
    expect(a.shapes).toEqual({ artifact: 1, untagged: 0 });
    // All text is in the structure, which reads in the order the text is written.
    expect(a.untagged).toEqual([]);
    expect(a.structureText).toBe(a.contentText);
  });

  it("tags the receipt's lists with a label and a body per item, and its budget as a table", async () => {
    const a = await pdfAccessibility(await receiptPdf('sv', receipt('Łódź Ungdom')));
    const elements = structElements(a);
    const lists = elements.filter((e) => e.role === 'L');
    // Activities, partners and contacts.
    expect(lists).toHaveLength(3);
    for (const l of lists) for (const li of l.children) expect(li.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    expect(plain(textOf(lists[1]))).toBe(`• جمعية الشباب (${ORG_NUMBER}): Samordning`);
    const [table] = elements.filter((e) => e.role === 'Table');
    expect(table.children.map((r) => r.role)).toEqual(['TR']);
    expect(table.children[0].children.map((c) => [c.role, plain(textOf(c))])).toEqual([
      ['TH', 'Västar och lampor'],
      ['TD', '12 000 kr'],
    ]);
  });

  it("tags the decision basis's budget as a table of four rows, each headed by what the amount is", async () => {
    const a = await pdfAccessibility(await decisionBasisPdf('en', basis()));
    const [table] = structElements(a).filter((e) => e.role === 'Table');
    expect(table.children.map((r) => r.children.map((c) => `${c.role} ${plain(textOf(c))}`))).toEqual([
      ['TH Budget', 'TD SEK 100,000'],
      ['TH Already granted', 'TD SEK 0'],
      ['TH Proposed, not decided', 'TD SEK 60,000'],
      ['TH Left if the proposals are adopted', 'TD SEK 40,000'],
    ]);
  });

  it('keeps a paragraph that runs onto the next page one paragraph, and the structure in reading order', async () => {
    const reasons = Array.from({ length: 120 }, (_, i) => `Skäl ${i + 1}: uppdraget når unga i Rosengård som ${ARABIC_PERSON} känner.`).join(' ');
    const a = await pdfAccessibility(await decisionLetterPdf('sv', letter('Çağla Øvergård', { reasons })));
    expect(a.pages.length).toBeGreaterThan(1);
    const paragraphs = structElements(a).filter((e) => e.role === 'P' && textOf(e).includes('Skäl'));
    // pdf.js gives each page its own tree, so the paragraph appears on both, each with its part.
    expect(paragraphs.length).toBeGreaterThan(1);
    expect(paragraphs.map(textOf).join('').replace(/\s/g, '')).toBe(reasons.replace(/\s/g, ''));
    expect(a.untagged).toEqual([]);
    expect(a.structureText).toBe(a.contentText);
  });
});
