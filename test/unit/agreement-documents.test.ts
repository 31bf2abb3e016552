import { describe, expect, it } from 'vitest';
import { type AgreementDocumentData, agreementPdf } from '../../src/documents/agreement.ts';
import { appealSection } from '../../src/documents/decision-letter.ts';
import { type RecoveryLetterData, recoveryLetterPdf } from '../../src/documents/recovery-letter.ts';
import { DEFAULT_PARTIES, defaultResponsibilities } from '../../src/domain/agreements.ts';
import { ore } from '../../src/domain/money.ts';
import { type Accessibility, pdfAccessibility, pdfText, type StructNode, structElements, textOf } from '../support/pdf.ts';

const NAMES = ['Föreningen Çağla Łódź', 'جمعية الشباب', 'Nattvandrarna 🌙'];
const SIGNER = 'Åsa Öberg';
const ORG_NUMBER = '802400-1234';
const HASH = 'a3f1c2e4b5d697881234567890abcdef0fedcba09876543211223344556677ff';

/** How a line of text stands on the page: each stretch of Arabic reversed, its first letter rightmost; Latin letters, digits and emoji as written. */
const onPage = (line: string) => line.replace(/\p{Script=Arabic}(?:[\p{Script=Arabic}\s]*\p{Script=Arabic})?/gu, (run) => [...run].reverse().join(''));

/** The line is in the document, both as read and as printed. */
function expectLine(text: { reading: string[]; onPage: string[] }, line: string) {
  expect(text.reading).toContain(line);
  expect(text.onPage).toContain(onPage(line));
}

/** Amounts carry no-break spaces, and pdf.js puts a space where a cell's text starts after a gap. */
const plain = (text: string) => text.replace(/\s+/gu, ' ').trim();

const agreement = (organisationName: string, over: Partial<AgreementDocumentData> = {}): AgreementDocumentData => ({
  number: 'SN A2022/00002',
  kind: 'assignment',
  funderName: 'Malmö stad',
  funderOrgNumber: '212000-1124',
  organisationName,
  orgNumber: ORG_NUMBER,
  caseNumber: 'SN 2022/0042',
  callTitle: 'Trygghetsbidrag 2022',
  applicationTitle: 'Nattvandring i Rosengård',
  decidedOn: '2022-03-28',
  decisionParagraph: '§ 14',
  amount: ore(12_000_000),
  content: {
    description: 'Vuxna vandrar fredag och lördag kväll i området och samtalar med unga.',
    activities: ['night_walks', 'Läxhjälp på arabiska'],
    areas: ['Rosengård', 'Möllevången'],
    targetGroups: ['young_people', 'parents'],
    expectedParticipants: 40,
    periodFrom: '2022-05-01',
    periodTo: '2022-12-31',
    conditions: 'Västar med föreningens namn bärs under vandringarna.',
    contacts: [
      { party: 'funder', name: 'Lars Ek', role: 'Handläggare', email: 'lars.ek@malmo.se', phone: '040-34 10 00' },
      { party: 'organisation', name: SIGNER, role: 'Ordförande', email: 'asa@example.se', phone: '070-123 45 67' },
    ],
    parties: DEFAULT_PARTIES.map((p) => ({ ...p })),
    responsibilities: defaultResponsibilities(DEFAULT_PARTIES),
    ownContribution: null,
    jointFollowUp: '',
  },
  activityLabels: { night_walks: 'Nattvandring' },
  instalments: [
    { number: 1, amount: ore(8_000_000), condition: 'on_signing', dueOn: null },
    { number: 2, amount: ore(4_000_000), condition: 'after_interim_report', dueOn: '2022-09-30' },
  ],
  signatures: [
    { party: 'funder', name: 'Lars Ek', role: 'Socialchef', signedAt: new Date('2022-04-11T08:30:00Z') },
    // 12:03 UTC is 14:03 in Stockholm in summer time.
    { party: 'organisation', name: SIGNER, role: 'Ordförande', signedAt: new Date('2022-04-12T12:03:00Z') },
  ],
  amendments: [],
  contentSha256: HASH,
  draft: false,
  ...over,
});

const recovery = (organisationName: string, over: Partial<RecoveryLetterData> = {}): RecoveryLetterData => ({
  number: 'SN R2023/00001',
  funderName: 'Malmö stad',
  decisionBody: 'Socialnämnden',
  decidedOn: '2023-05-15',
  letterDate: '2023-05-16',
  decidedBy: SIGNER,
  organisationName,
  orgNumber: ORG_NUMBER,
  caseNumber: 'SN 2022/0042',
  agreementNumber: 'SN A2022/00002',
  applicationTitle: 'Nattvandring i Rosengård',
  granted: ore(12_000_000),
  paid: ore(8_000_000),
  amount: ore(2_500_050),
  grounds: 'unused',
  reasons: `Redovisningen visar att ${organisationName} inte använt hela bidraget.`,
  payBy: '2023-06-30',
  payTo: { kind: 'bankgiro', number: '5050-1055', reference: 'R2023000017' },
  appeal: { law: 'kommunallagen', from: '2023-05-19', deadline: '2023-06-09' },
  ...over,
});

function expectTagged(a: Accessibility, lang: string, title: string) {
  expect(a.marked).toBe(true);
  expect(a.pages.every((p) => p !== null)).toBe(true);
  expect(a.lang).toBe(lang);
  expect(a.title).toBe(title);
  expect(a.displayTitle).toBe(true);
  const elements = structElements(a);
  expect(elements.filter((e) => e.role === 'H1').map(textOf)).toEqual([title]);
  expect(elements[2].role).toBe('H1');
  expect(elements.map((e) => e.role)).toContain('H2');
  expect(a.untagged).toEqual([]);
  expect(a.structureText).toBe(a.contentText);
  expect(a.shapes).toEqual({ artifact: 1, untagged: 0 });
}

/** Each row of a table as "role text" per cell. */
const cells = (table: StructNode) => table.children.map((r) => r.children.map((c) => `${c.role} ${plain(textOf(c))}`));
/** The same without spaces: a cell's text wrapped onto a second line has no space where it breaks. */
const squeezed = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map((c) => c.replace(/\s/g, '')));

describe('the agreement', () => {
  it.each(NAMES)('names the organisation %s as written, in Swedish and English, with the signer and the time in Stockholm', async (name) => {
    const sv = await pdfText(await agreementPdf('sv', agreement(name)));
    expectLine(sv, `Organisation: ${name}, ${ORG_NUMBER}`);
    expectLine(sv, `Bidragsgivare: Malmö stad, 212000-1124`);
    expectLine(sv, `• För ${name}: ${SIGNER}, Ordförande, 2022-04-12 14:03`);
    expectLine(sv, '• För Malmö stad: Lars Ek, Socialchef, 2022-04-11 10:30');
    expect(sv.reading).toContain('Undertecknat av (svensk tid):');
    expectLine(sv, `• ${SIGNER}, Ordförande, asa@example.se, 070-123 45 67`);
    expect(sv.reading).toContain(name);
    const en = await pdfText(await agreementPdf('en', agreement(name)));
    expectLine(en, `Organisation: ${name}, ${ORG_NUMBER}`);
    expectLine(en, `• For ${name}: ${SIGNER}, Ordförande, 2022-04-12 14:03`);
    expect(en.reading).toContain('Signed by (Swedish time):');
  });

  it.each(['sv', 'en'] as const)('is tagged, with its language and title (%s)', async (lang) => {
    const a = await pdfAccessibility(await agreementPdf(lang, agreement(NAMES[1])));
    expectTagged(a, lang, lang === 'sv' ? 'Uppdragsavtal SN A2022/00002' : 'Assignment agreement SN A2022/00002');
    expect(a.artifactText).toEqual([]);
  });

  it('sets out the responsibility matrix as a table: tasks by row, parties by column', async () => {
    for (const [lang, head] of [
      ['sv', ['TH Uppgift', 'TH Föreningen', 'TH Socialkontoret', 'TH Skolan', 'TH Polisen']],
      ['en', ['TH Task', 'TH Föreningen', 'TH Socialkontoret', 'TH Skolan', 'TH Polisen']],
    ] as const) {
      const pdf = await agreementPdf(lang, agreement(NAMES[0]));
      // The header row's cells head their columns, the task cells their rows.
      expect(pdf.toString('latin1')).toMatch(/\/Scope \/Column/);
      expect(pdf.toString('latin1')).toMatch(/\/Scope \/Row/);
      const a = await pdfAccessibility(pdf);
      const tables = structElements(a).filter((e) => e.role === 'Table');
      expect(tables).toHaveLength(2);
      const rows = cells(tables[1]);
      const [r, p, i] = lang === 'sv' ? ['Ansvarar', 'Deltar', 'Informeras'] : ['Responsible', 'Takes part', 'Informed'];
      expect(squeezed(rows)).toEqual(
        squeezed([
          head,
          ['TH Genomföra aktiviteterna enligt uppdraget', `TD ${r}`, `TD ${i}`, `TD ${i}`, `TD ${i}`],
          ['TH Rekrytera och samordna volontärer', `TD ${r}`, `TD ${i}`, 'TD –', 'TD –'],
          ['TH Lägesbild och samordning i området', `TD ${p}`, `TD ${r}`, `TD ${p}`, `TD ${p}`],
          ['TH Uppföljning och redovisning', `TD ${r}`, `TD ${p}`, 'TD –', 'TD –'],
        ]),
      );
    }
  });

  it('sets out the payment schedule as a table, and the grant, period, target groups and activities in words', async () => {
    const pdf = await agreementPdf('sv', agreement(NAMES[2]));
    const [schedule] = structElements(await pdfAccessibility(pdf)).filter((e) => e.role === 'Table');
    expect(cells(schedule)).toEqual([
      ['TH Utbetalning', 'TH Belopp', 'TH Villkor', 'TH Förfallodag'],
      ['TH 1', 'TD 80 000 kr', 'TD När avtalet undertecknats', 'TD –'],
      ['TH 2', 'TD 40 000 kr', 'TD När delredovisningen lämnats', 'TD 2022-09-30'],
    ]);
    const text = (await pdfText(pdf)).reading.join('\n');
    expect(text).toContain('Uppdragsbidraget är 120 000 kr.');
    expect(text).toContain('Uppdraget genomförs från och med 2022-05-01 till och med 2022-12-31.');
    expect(text).toContain('Målgrupper: Unga, Föräldrar');
    expect(text).toContain('• Nattvandring');
    expect(text).toContain('• Läxhjälp på arabiska');
    expect(text).toContain('Förväntat antal deltagare: 40');
    expect(text).toContain('återkrav');
    expect(text).toContain('uppföljningsrapport');
    expect(text).toContain('beslutade 2022-03-28, § 14,');
    // No code shown for a word: snake_case keys, or the zone's database name.
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(text).not.toContain('Europe/Stockholm');
    expect(text).not.toContain('UTKAST');
  });

  it('prints the checksum of the content at the end', async () => {
    const text = (await pdfText(await agreementPdf('sv', agreement(NAMES[0])))).reading;
    const at = text.findIndex((l) => l.startsWith('Innehållets kontrollsumma (SHA-256):'));
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at).join(' ')).toBe(`Innehållets kontrollsumma (SHA-256): ${HASH}`);
    const en = (await pdfText(await agreementPdf('en', agreement(NAMES[0])))).reading.join(' ');
    expect(en).toContain(HASH);
  });

  it('says a draft is a draft: in its title, and at the top of every page, unsigned', async () => {
    // Long conditions carry the draft over more than one page.
    const conditions = Array.from({ length: 60 }, (_, i) => `Villkor ${i + 1}: ${NAMES[1]} redovisar varje månad.`).join(' ');
    const data = agreement(NAMES[1], { draft: true, signatures: [], content: { ...agreement(NAMES[1]).content, conditions } });
    const pdf = await agreementPdf('sv', data);
    const a = await pdfAccessibility(pdf);
    expectTagged(a, 'sv', 'Uppdragsavtal SN A2022/00002 — UTKAST');
    expect(a.pages.length).toBeGreaterThan(1);
    // A running header: an artifact on each page, which screen readers skip (the title says it once).
    expect(a.artifactText.join('|')).toBe(Array.from({ length: a.pages.length }, () => 'UTKAST — inte undertecknat').join('|'));
    const text = await pdfText(pdf);
    expect(text.reading.filter((l) => l === 'UTKAST — inte undertecknat')).toHaveLength(a.pages.length);
    expect(text.reading).toContain('Utkastet är inte undertecknat av någon part.');
    expect(text.reading).not.toContain('Undertecknat av (svensk tid):');
    const en = await pdfAccessibility(await agreementPdf('en', data));
    expect(en.title).toBe('Assignment agreement SN A2022/00002 — DRAFT');
    expect(en.artifactText[0]).toBe('DRAFT — not signed');
  });

  it("writes an IOP's own contribution and joint follow-up, and the amendments by name", async () => {
    const base = agreement(NAMES[2]);
    const data = agreement(NAMES[2], {
      kind: 'iop',
      content: { ...base.content, ownContribution: ore(1_500_000), jointFollowUp: 'Parterna möts varje kvartal.' },
      amendments: [{ version: 2, reason: 'Perioden förlängs till december.', createdAt: new Date('2022-08-01T07:15:00Z'), by: 'جمعية الشباب' }],
    });
    const sv = await pdfText(await agreementPdf('sv', data));
    expect(plain(sv.reading.slice(0, 3).join(' '))).toContain('Överenskommelse om idéburet offentligt partnerskap (IOP) SN A2022/00002');
    expectLine(sv, 'Föreningens egen insats: 15 000 kr');
    expectLine(sv, 'Gemensam uppföljning: Parterna möts varje kvartal.');
    expectLine(sv, '• Version 2, 2022-08-01 09:15, جمعية الشباب: Perioden förlängs till december.');
    const en = await pdfText(await agreementPdf('en', data));
    expect(plain(en.reading.slice(0, 3).join(' '))).toContain('Idea-based public partnership agreement (IOP) SN A2022/00002');
    expectLine(en, "The association's own contribution: SEK 15,000");
    // An assignment has neither.
    expect((await pdfText(await agreementPdf('sv', base))).reading.join('\n')).not.toContain('egen insats');
  });

  it('gives the same text for the same input', async () => {
    const data = agreement(NAMES[1], { draft: true, signatures: [] });
    expect(await pdfText(await agreementPdf('sv', data))).toEqual(await pdfText(await agreementPdf('sv', data)));
  });
});

describe('the recovery letter', () => {
  it.each(NAMES)('names %s as written and states the amount, the giro, the reference, the date to pay by and how to appeal (Swedish)', async (name) => {
    const data = recovery(name);
    const pdf = await recoveryLetterPdf('sv', data);
    const text = await pdfText(pdf);
    expectLine(text, `Mottagare: ${name}, ${ORG_NUMBER}`);
    expectLine(text, `Beslutet fattades av: ${SIGNER}`);
    expectLine(text, 'Återkrävs: 25 000,50 kr');
    expectLine(text, 'Bankgiro: 5050-1055');
    expectLine(text, 'Referens: R2023000017');
    expectLine(text, 'Betalas senast: 2023-06-30');
    expectLine(text, 'Grund: Outnyttjade medel');
    const all = plain(text.reading.join(' '));
    expect(all).toContain(`Socialnämnden beslutade 2023-05-15 att kräva tillbaka 25 000,50 kr av ${name}.`);
    expect(all).toContain('Betala 25 000,50 kr senast 2023-06-30 till bankgiro 5050-1055. Ange referensen R2023000017 vid betalningen');
    expect(all).toContain('Kronofogdemyndigheten');
    expect(all).toContain(plain(appealSection('sv', data.appeal).text));
    expect(all).toContain('senast 2023-06-09');
    expect(text.reading).toContain('Hur man överklagar');
  });

  it.each(NAMES)('names %s as written and states the amount, the giro, the date to pay by and how to appeal (English)', async (name) => {
    const data = recovery(name, {
      grounds: 'misused',
      payTo: { kind: 'plusgiro', number: '4 77 88-1', reference: 'R2023000017' },
      appeal: { law: 'forvaltningslagen', from: '2023-05-16', deadline: '2023-06-06' },
    });
    const text = await pdfText(await recoveryLetterPdf('en', data));
    expectLine(text, `Recipient: ${name}, ${ORG_NUMBER}`);
    expectLine(text, 'Reclaimed: SEK 25,000.50');
    expectLine(text, 'Plusgiro: 4 77 88-1');
    expectLine(text, 'Pay by: 2023-06-30');
    expectLine(text, 'Grounds: The funds were used for other than the assignment');
    const all = plain(text.reading.join(' '));
    expect(all).toContain('Pay SEK 25,000.50 no later than 2023-06-30 to plusgiro 4 77 88-1. Give the reference R2023000017');
    expect(all).toContain(plain(appealSection('en', data.appeal).text));
    expect(all).toContain('no later than 2023-06-06');
    expect(text.reading).toContain('How to appeal');
  });

  it('names the other grounds in words', async () => {
    const text = (await pdfText(await recoveryLetterPdf('sv', recovery(NAMES[0], { grounds: 'unreported' })))).reading;
    expect(text).toContain('Grund: Ingen redovisning');
    const misused = (await pdfText(await recoveryLetterPdf('sv', recovery(NAMES[0], { grounds: 'misused' })))).reading;
    expect(misused).toContain('Grund: Medlen har använts till annat än uppdraget');
  });

  it.each(['sv', 'en'] as const)('is tagged, with its language and title (%s)', async (lang) => {
    const a = await pdfAccessibility(await recoveryLetterPdf(lang, recovery(NAMES[1])));
    expectTagged(a, lang, lang === 'sv' ? 'Beslut om återkrav SN R2023/00001' : 'Decision on recovery SN R2023/00001');
  });

  it('gives the same text for the same input', async () => {
    const data = recovery(NAMES[2]);
    expect(await pdfText(await recoveryLetterPdf('en', data))).toEqual(await pdfText(await recoveryLetterPdf('en', data)));
  });
});
