// An applicant's whole way to a submitted application, through the API as the form takes it: a draft
// on the call, the three documents uploaded, the answers saved, submitted.
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { type Client, MINIMAL_PDF } from './app.ts';

export async function submitApplication(
  applicant: Client,
  callId: string,
  organisationId: string,
  p: { title: string; contact: { name: string; email: string } },
): Promise<{ id: string; caseNumber: string }> {
  const draft = await applicant.post(`/api/calls/${callId}/applications`, { organisationId });
  if (draft.status !== 200 && draft.status !== 201) throw new Error(`no draft: ${JSON.stringify(draft.body)}`);
  const file = async (name: string) => (await applicant.upload(organisationId, name, MINIMAL_PDF)).body.id as string;
  const today = dateInStockholm(new Date());
  const content: ApplicationContent = {
    title: p.title,
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
    contacts: [{ ...p.contact, phone: '' }],
    declarations: { religious_or_political: true, for_profit: true, already_completed: true },
    answers: {},
    attachments: [
      { kind: 'statutes', fileId: await file('stadgar.pdf'), name: 'stadgar.pdf' },
      { kind: 'annual_report', fileId: await file('årsberättelse.pdf'), name: 'årsberättelse.pdf' },
      { kind: 'budget', fileId: await file('budget.pdf'), name: 'budget.pdf' },
    ],
  };
  const saved = await applicant.put(`/api/applications/${draft.body.id}`, { content, version: draft.body.version });
  if (saved.status !== 200) throw new Error(`not saved: ${JSON.stringify(saved.body)}`);
  const submitted = await applicant.post(`/api/applications/${draft.body.id}/submit`);
  if (submitted.status !== 200) throw new Error(`not submitted: ${JSON.stringify(submitted.body)}`);
  return { id: draft.body.id, caseNumber: submitted.body.caseNumber };
}
