import { readFileSync } from 'node:fs';
// A new person on a phone finds the open call, creates an account, registers an
// association, starts an application, leaves, comes back to the kept draft,
// completes it, runs the self-check, submits and gets a case number and a receipt mail.
import OrganisationsnummerModule from 'organisationsnummer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';

const Organisationsnummer = OrganisationsnummerModule as unknown as typeof OrganisationsnummerModule.default;

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ jobs: {} }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CALL = 'Extra föreningsstöd mot utanförskap';
const ORG = 'Hageby Läxhjälp';
const EMAIL = 'sara@hagebylaxhjalp.example';
const PASSWORD = 'laxlasning-hageby';

/** A Luhn-valid organisationsnummer starting with 8 that the demo data does not have. */
function orgNumber(): string {
  const body = '802461357';
  const sum = [...body].reduce((s, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return s + (d > 9 ? d - 9 : d);
  }, 0);
  const n = `${body}${(10 - (sum % 10)) % 10}`;
  return `${n.slice(0, 6)}-${n.slice(6)}`;
}

/** Uploads a small PDF for the organisation as the client, the way the browser's form does. */
async function uploadPdf(c: Client, organisationId: string, name: string): Promise<string> {
  return (await c.upload(organisationId, name)).body.id as string;
}

async function fitsWidth(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

async function step(page: Page, name: RegExp) {
  await page.getByRole('heading', { level: 2, name }).waitFor();
  await axe(page, `application step ${name}`);
  await fitsWidth(page);
}

async function saved(page: Page) {
  await page
    .locator('.save-status')
    .getByText(/^Sparat kl\. \d\d\.\d\d$/)
    .waitFor();
}

describe('applying for a grant', () => {
  it('a new association applies on a phone, leaves and comes back, and submits', { timeout: 180_000 }, async () => {
    const number = orgNumber();
    expect(Organisationsnummer.valid(number)).toBe(true);
    const { context, page } = await openPage(browser, server.url, PHONE);

    await page.goto('/calls');
    await settledAndAccessible(page, 'Utlysningar');
    await page.getByRole('link', { name: CALL }).click();
    await settledAndAccessible(page, CALL);
    await fitsWidth(page);
    const callPath = new URL(page.url()).pathname;
    // Before anyone writes: the association must first be approved, how long that usually takes, and how to begin.
    const notice = page.getByRole('region', { name: 'Föreningen måste först vara godkänd som bidragsberättigad' });
    await notice.getByText(/Ett godkännande tar vanligen \d+ dagar? hos Socialnämnden|Räkna med att ett godkännande tar omkring \d+ dagar?/).waitFor();
    await notice.getByRole('link', { name: 'Logga in eller skapa ett konto för att se om er förening är godkänd' }).waitFor();
    await page.getByRole('link', { name: 'Ansök', exact: true }).click();

    // Not signed in: sign-in first, with the way back kept through account and organisation.
    await settledAndAccessible(page, 'Logga in');
    await page.getByRole('link', { name: 'Skapa ett konto för din förening' }).click();
    await settledAndAccessible(page, 'Skapa konto');
    await page.getByLabel('Namn').fill('Sara Svensson');
    await page.getByLabel('E-postadress').fill(EMAIL);
    await page.getByLabel('Nytt lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await settledAndAccessible(page, 'Ansök');
    await page.getByRole('main').getByRole('link', { name: 'Registrera en organisation' }).click();
    await settledAndAccessible(page, 'Registrera organisation');
    await page.getByLabel('Organisationsnummer').fill(number);
    await page.getByLabel('Organisationens namn').fill(ORG);
    await page.getByLabel('Organisationsform').selectOption({ label: 'Ideell förening' });
    await page.getByRole('button', { name: 'Registrera organisation' }).click();
    await settledAndAccessible(page, 'Ansök');
    await fitsWidth(page);
    // Starting the application, the notice says where this association stands: not approved, and how to ask.
    const standing = page.getByRole('region', { name: 'Föreningen måste först vara godkänd som bidragsberättigad' });
    await standing.getByText(`${ORG} är inte godkänd som bidragsberättigad ännu och har inte ansökt om det.`).waitFor();
    expect(await standing.getByRole('link', { name: `Ansök om godkännande för ${ORG}` }).getAttribute('href')).toMatch(
      /^\/organisations\/[0-9a-f-]{36}\/eligibility\?funderId=/,
    );
    expect(await page.getByRole('radio', { name: new RegExp(ORG) }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Starta ansökan' }).click();

    await settledAndAccessible(page, 'Ansökan');
    await step(page, /Uppdraget/);
    const appUrl = new URL(page.url()).pathname;
    const appId = appUrl.split('/')[2];
    await page.getByLabel('Titel').fill('Läxhjälp i Hageby');
    await page.getByLabel('Vad uppdraget är').fill('Läxhjälp två kvällar i veckan för barn i årskurs 4–9, med vuxna volontärer.');
    await saved(page);

    // The tab is closed and opened again: the draft is there.
    await page.close();
    const again = await context.newPage();
    await again.goto(appUrl);
    await settledAndAccessible(again, 'Ansökan');
    expect(await again.getByLabel('Titel').inputValue()).toBe('Läxhjälp i Hageby');
    expect(await again.getByLabel('Vad uppdraget är').inputValue()).toContain('två kvällar i veckan');
    const p = again;

    // The call requires an eligibility approval: the association asks, the caseworker approves (through the API).
    const applicant = new Client(server.app);
    const user = await applicant.login(EMAIL, PASSWORD);
    const funderId = (await server.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
    const orgId = user.organisations[0].id;
    const request = await applicant.post(`/api/organisations/${orgId}/eligibility`, {
      funderId,
      year: Number(dateInStockholm(new Date()).slice(0, 4)),
      statutesFileId: await uploadPdf(applicant, orgId, 'stadgar.pdf'),
      annualReportFileId: await uploadPdf(applicant, orgId, 'verksamhetsberattelse.pdf'),
      accountsFileId: await uploadPdf(applicant, orgId, 'bokslut.pdf'),
      board: [
        { name: 'Sara Svensson', role: 'ordförande' },
        { name: 'Omar Ali', role: 'kassör' },
      ],
      memberCount: 12,
      payoutKind: 'bankgiro',
      payoutNumber: '5050-1055',
    });
    expect(request.status).toBe(200);
    // While the request waits, the call's page says since when.
    await p.goto(callPath);
    await settledAndAccessible(p, CALL);
    await p
      .getByText(new RegExp(`^${ORG} är inte godkänd ännu: ansökan om godkännande väntar på handläggare sedan \\d{1,2} \\p{L}+ \\d{4}\\.$`, 'u'))
      .waitFor();
    await fitsWidth(p);
    await p.goto(appUrl);
    await settledAndAccessible(p, 'Ansökan');
    const caseworker = new Client(server.app);
    await caseworker.login('handlaggare@norrkoping.example');
    expect((await caseworker.post(`/api/eligibility/${request.body.id}/decision`, { decision: 'approve' })).status).toBe(200);

    await p.getByLabel('Hur uppdraget kompletterar bidragsgivarens eget arbete').fill('Vi hänvisar till skolans elevhälsa och fältgruppen.');
    await p.getByRole('checkbox', { name: 'Förebygga utanförskap bland barn och unga' }).check();
    await p.getByRole('button', { name: 'Nästa steg' }).click();

    await step(p, /Aktiviteter/);
    await p.getByRole('button', { name: 'Lägg till en aktivitet' }).click();
    const activity = p.getByRole('group', { name: 'Aktivitet 1' });
    await activity.getByLabel('Sorts aktivitet').selectOption({ label: 'Läxläsning' });
    await activity.getByRole('checkbox', { name: 'Barn' }).check();
    await activity.getByRole('checkbox', { name: 'Hageby' }).check();
    const today = dateInStockholm(new Date());
    await activity.getByLabel('Från och med').fill(addMonths(today, 2));
    await activity.getByLabel('Till och med').fill(addMonths(today, 11));
    await activity.getByLabel('Förväntat antal deltagare').fill('30');
    await axe(p, 'activity filled');
    await fitsWidth(p);
    await p.getByRole('button', { name: 'Nästa steg' }).click();

    await step(p, /Budget/);
    await p.getByRole('button', { name: 'Lägg till en budgetrad' }).click();
    const row = p.getByRole('group', { name: 'Budgetrad 1' });
    await row.getByLabel('Kostnad').fill('Fika och material');
    await row.getByLabel('Belopp (kr)').fill('60 000');
    await p.getByText('Budgeten är totalt 60 000 kr.').waitFor();
    await p.getByLabel('Sökt belopp').fill('50 000');
    await p.getByLabel('Egen insats').fill('10 000');
    await p.getByText('Sökt belopp, egen insats och annan finansiering: 60 000 kr av budgetens 60 000 kr.').waitFor();
    await fitsWidth(p);
    await p.getByRole('button', { name: 'Nästa steg' }).click();

    await step(p, /Medsökande och kontakter/);
    expect(await p.getByRole('group', { name: 'Kontaktperson 1' }).getByLabel('E-postadress').inputValue()).toBe(EMAIL);
    await p.getByRole('button', { name: 'Nästa steg' }).click();

    await step(p, /Bilagor och intyganden/);
    const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\ntrailer <</Root 1 0 R>>\n%%EOF\n`) });
    for (const [label, file] of [
      ['Stadgar', 'stadgar.pdf'],
      ['Verksamhetsberättelse', 'verksamhetsberattelse.pdf'],
      ['Budget för uppdraget', 'budget.pdf'],
    ]) {
      await p.getByLabel(label, { exact: true }).setInputFiles(pdf(file));
      await p.getByText(`${file} är uppladdad.`).waitFor();
    }
    for (const box of await p.getByRole('checkbox').all()) await box.check();
    await axe(p, 'attachments and declarations');
    await fitsWidth(p);
    await saved(p);
    await p.getByRole('button', { name: 'Kontrollera ansökan' }).click();

    await settledAndAccessible(p, 'Kontrollera och skicka in');
    await fitsWidth(p);
    await p.getByText('Inget saknas i ansökan.').waitFor();
    expect(await p.locator('.check-fail').count()).toBe(0);
    // Every answer together, each with a change link that names it; a change goes to the field and comes back.
    const answers = p.getByRole('region', { name: 'Dina svar' });
    expect(await answers.textContent()).toContain('Läxhjälp två kvällar i veckan');
    expect(await answers.textContent()).toContain('Fika och material');
    expect((await answers.locator('tfoot').innerText()).replace(/\s/gu, ' ')).toBe('Totalt 60 000 kr');
    await answers.getByRole('link', { name: 'Ändra titel' }).waitFor();
    await answers.getByRole('link', { name: 'Ändra vad uppdraget är' }).click();
    await step(p, /Uppdraget/);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('application-description');
    await p.getByLabel('Vad uppdraget är').fill('Läxhjälp tre kvällar i veckan för barn i årskurs 4–9, med vuxna volontärer.');
    await saved(p);
    await p.getByRole('button', { name: 'Tillbaka till kontrollsidan' }).click();
    await settledAndAccessible(p, 'Kontrollera och skicka in');
    await p.getByRole('region', { name: 'Dina svar' }).getByText('Läxhjälp tre kvällar i veckan', { exact: false }).waitFor();
    await p.getByText('Inget saknas i ansökan.').waitFor();
    const submit = p.getByRole('button', { name: 'Skicka in ansökan' });
    await submit.click();

    await settledAndAccessible(p, 'Ansökan är inskickad');
    await fitsWidth(p);
    const caseNumber = (await p.locator('.case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/^SN \d{4}\/\d{5}$/);
    // What happens next: screening, assessment, the decision, how they are told, whom to ask.
    const next = p.getByRole('region', { name: 'Vad händer nu' });
    expect(await next.locator('li').count()).toBe(4);
    await next.getByText('Socialnämnden, Norrköpings kommun kontrollerar först att ansökan uppfyller utlysningens villkor.', { exact: false }).waitFor();
    await next.getByText(`Kontakta Socialnämnden, Norrköpings kommun och ange diarienummer ${caseNumber}.`).waitFor();
    expect(await p.getByRole('link', { name: 'Ladda ned kvittot som PDF' }).getAttribute('href')).toBe(`/api/applications/${appId}/receipt.pdf?lang=sv`);
    const receipt = await p.request.get(`/api/applications/${appId}/receipt.pdf`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');

    // The receipt mail reaches the local mailbox.
    await p.getByRole('navigation').getByRole('link', { name: 'Brevlåda (demo)' }).click();
    await settledAndAccessible(p, 'Brevlåda (demo)');
    await p
      .locator('.mail-item')
      .filter({ hasText: EMAIL })
      .filter({ hasText: `Kvitto: er ansökan ${caseNumber} har kommit in` })
      .waitFor({ timeout: 20_000 });

    // The organisation's page lists the application with its case number.
    await p.goto(`/organisations/${user.organisations[0].id}`);
    await settledAndAccessible(p, ORG);
    const list = p.getByRole('region', { name: 'Ansökningar' });
    await list.getByRole('link', { name: 'Läxhjälp i Hageby' }).waitFor();
    expect(await list.textContent()).toContain(caseNumber);
    await fitsWidth(p);

    // Its history, newest first: the saves of the draft read as one line, with what they changed.
    await list.getByRole('link', { name: 'Läxhjälp i Hageby' }).click();
    await settledAndAccessible(p, `Läxhjälp i Hageby (${caseNumber})`);
    const entries = p.getByRole('region', { name: 'Historik' }).locator('.audit-entry');
    await entries.first().waitFor();
    expect(await entries.locator('.audit-what').allTextContents()).toEqual(['Ansökan skickades in', 'Utkastet sparades', 'Ansökan påbörjades']);
    const saves = (await entries.nth(1).innerText()).replace(/\s+/gu, ' ');
    expect(saves).toMatch(/ (\d+) gånger, första gången \d/);
    expect(saves).toMatch(/Ändrat: Titel, Vad uppdraget är, .*Budget.*, Intyganden, Bilagor$/);
    await fitsWidth(p);
    expect(scriptErrors(p)).toEqual([]);
    await context.close();

    // The funder's caseworker and a reviewer open the submitted attachments from the application's page.
    for (const [email, name] of [
      ['handlaggare@norrkoping.example', 'Hanna Handläggare'],
      ['bedomare@norrkoping.example', 'Bo Bedömare'],
    ]) {
      const staff = await openPage(browser, server.url);
      await signIn(staff.page, email, name);
      await staff.page.goto(`/applications/${appId}`);
      await settledAndAccessible(staff.page, `Läxhjälp i Hageby (${caseNumber})`);
      for (const file of ['stadgar.pdf', 'verksamhetsberattelse.pdf', 'budget.pdf']) {
        const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.page.getByRole('link', { name: file }).click()]);
        expect(download.suggestedFilename()).toBe(file);
        const bytes = readFileSync(await download.path());
        expect(bytes.toString('latin1'), `${email} ${file}`).toContain(`% ${file}`);
      }
      expect(scriptErrors(staff.page)).toEqual([]);
      await staff.context.close();
    }
  });
});
