// An applicant's whole way to a submitted application, through the API as the form takes it: a draft
// on the call, the three documents uploaded, the answers saved, submitted.
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { type Client, MINIMAL_PDF } from './app.ts';

/**
 * A complete application's content as the form would save it, its three documents uploaded by the
 * applicant; `over` sets what a test is about.
 */
export async function completeContent(applicant: Client, organisationId: string, over: Partial<ApplicationContent> = {}): Promise<ApplicationContent> {
  const file = async (name: string) => {
    const res = await applicant.upload(organisationId, name, MINIMAL_PDF);
    if (res.status !== 201) throw new Error(`not uploaded: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const today = dateInStockholm(new Date());
  return {
    title: 'Nattfotboll i Navestad',
    description: 'Kvällsaktiviteter varje fredag med två vuxna ledare.',
    complement: 'Fältgruppen är med första fredagen varje månad.',
    focusAreas: ['Förebygga utanförskap bland barn och unga'],
    activities: [
      {
        typeKey: 'night_football',
        proposedType: null,
        description: 'Fredagar',
        targetGroups: ['young_people'],
        areas: ['Navestad'],
        from: addMonths(today, 2),
        to: addMonths(today, 12),
        expectedParticipants: 40,
      },
    ],
    budget: [{ label: 'Hyra av hall', amount: ore(10_000_000) }],
    ownContribution: ore(1_000_000),
    otherFunding: ore(0),
    amountRequested: ore(9_000_000),
    partners: [],
    contacts: [{ name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example', phone: '' }],
    declarations: { religious_or_political: true, for_profit: true, already_completed: true },
    answers: {},
    attachments: [
      { kind: 'statutes', fileId: await file('stadgar.pdf'), name: 'stadgar.pdf' },
      { kind: 'annual_report', fileId: await file('årsberättelse.pdf'), name: 'årsberättelse.pdf' },
      { kind: 'budget', fileId: await file('budget.pdf'), name: 'budget.pdf' },
    ],
    ...over,
  };
}

/** Saves the content to the draft and submits it; throws with the server's answer when either is refused. */
export async function saveAndSubmit(
  applicant: Client,
  draft: { id: string; version: number },
  content: ApplicationContent,
): Promise<{ id: string; caseNumber: string; receiptUrl: string }> {
  const saved = await applicant.put(`/api/applications/${draft.id}`, { content, version: draft.version });
  if (saved.status !== 200) throw new Error(`not saved: ${JSON.stringify(saved.body)}`);
  const submitted = await applicant.post(`/api/applications/${draft.id}/submit`);
  if (submitted.status !== 200) throw new Error(`not submitted: ${JSON.stringify(submitted.body)}`);
  return { id: draft.id, caseNumber: submitted.body.caseNumber, receiptUrl: submitted.body.receiptUrl };
}

export async function submitApplication(
  applicant: Client,
  callId: string,
  organisationId: string,
  p: { title: string; contact: { name: string; email: string } },
): Promise<{ id: string; caseNumber: string }> {
  const draft = await applicant.post(`/api/calls/${callId}/applications`, { organisationId });
  if (draft.status !== 200 && draft.status !== 201) throw new Error(`no draft: ${JSON.stringify(draft.body)}`);
  const content = await completeContent(applicant, organisationId, { title: p.title, contacts: [{ ...p.contact, phone: '' }] });
  const { id, caseNumber } = await saveAndSubmit(applicant, draft.body, content);
  return { id, caseNumber };
}
