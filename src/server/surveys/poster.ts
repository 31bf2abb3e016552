// The survey's A4 poster, for the association to print and put up where the activity takes place.
import { type SurveyPosterData, surveyPosterPdf } from '../../documents/survey-poster.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { locateSurvey, surveyLink } from './manage.ts';

export async function surveyPoster(ctx: AppContext, user: SignedInUser, surveyId: string): Promise<{ name: string; pdf: Buffer }> {
  const s = await locateSurvey(ctx, user, surveyId);
  const row = await ctx.db.kysely
    .selectFrom('surveys as s')
    .innerJoin('agreements as g', 'g.id', 's.agreement_id')
    .innerJoin('applications as a', 'a.id', 'g.application_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.token', 'g.number', 'a.title', 'o.name'])
    .where('s.id', '=', s.id)
    .executeTakeFirstOrThrow();
  const data: SurveyPosterData = { link: surveyLink(ctx, row.token), organisationName: row.name, activity: row.title };
  // The agreement's number names the file; a number has only characters a file name may hold.
  return { name: `enkat-affisch-${row.number.replace(/[^\w-]+/g, '-')}.pdf`, pdf: await surveyPosterPdf(data) };
}
