// The participants' survey as the association and the funder's staff manage it: link, poster, status, the
// association's own questions, (staff only) the free-text answers a caseworker reads and masks, and the
// results: one agreement's, and the funder's summary with its CSV download.
import type { QueryClient } from '@tanstack/react-query';
import { client, href, unwrap } from '../api/client.ts';
import type { Answer, Body, Query } from '../api/types.ts';
import { keys } from '../queryKeys.ts';

export type Survey = Answer<'/api/agreements/{id}/survey', 'get'>;
export type ExtraQuestion = Survey['extraQuestions'][number];
export type QuestionsUpdate = Body<'/api/surveys/{id}/questions', 'put'>;
export type FreeTexts = Answer<'/api/surveys/{id}/free-texts', 'get'>;
export type FreeText = FreeTexts['items'][number];
export type FreeTextAction = Body<'/api/survey-answers/{id}/free-text', 'post'>;

export const getAgreementSurvey = (agreementId: string) => unwrap(client.GET('/api/agreements/{id}/survey', { params: { path: { id: agreementId } } }));
export const setSurveyQuestions = (id: string, body: QuestionsUpdate) => unwrap(client.PUT('/api/surveys/{id}/questions', { params: { path: { id } }, body }));
export const closeSurvey = (id: string) => unwrap(client.POST('/api/surveys/{id}/close', { params: { path: { id } } }));
export const openSurvey = (id: string) => unwrap(client.POST('/api/surveys/{id}/open', { params: { path: { id } } }));
export const getFreeTexts = (id: string) => unwrap(client.GET('/api/surveys/{id}/free-texts', { params: { path: { id } } }));
export const actOnFreeText = (answerId: string, body: FreeTextAction) =>
  unwrap(client.POST('/api/survey-answers/{id}/free-text', { params: { path: { id: answerId } }, body }));

/** After a change to the survey: the answer is put in place at once, and the agreement's survey is read again. */
export async function refreshSurvey(queryClient: QueryClient, agreementId: string, s: Survey) {
  queryClient.setQueryData(keys.surveys.ofAgreement(agreementId), s);
  await queryClient.invalidateQueries({ queryKey: keys.surveys.ofAgreement(agreementId) });
  // Closing releases the results (and opening again, allowed only before that, hides them).
  await queryClient.invalidateQueries({ queryKey: keys.surveyResults.all });
}

export type AgreementSurveyResults = NonNullable<Answer<'/api/agreements/{id}/survey/results', 'get'>['survey']>;
export type SurveySummary = Answer<'/api/funders/{id}/survey-results', 'get'>;
export type SurveySummaryGroup = SurveySummary['groups'][number];
export type SurveySummaryQuery = Query<'/api/funders/{id}/survey-results'>;
export type QuestionResult = SurveySummaryGroup['questions'][number];

export const getAgreementSurveyResults = (agreementId: string) =>
  unwrap(client.GET('/api/agreements/{id}/survey/results', { params: { path: { id: agreementId } } }));
export const getSurveySummary = (funderId: string, query: SurveySummaryQuery) =>
  unwrap(client.GET('/api/funders/{id}/survey-results', { params: { path: { id: funderId }, query } }));
/** The summary as a CSV file, with the same grouping and filters. */
export const surveySummaryCsvUrl = (funderId: string, query: Record<string, string>) =>
  href('/api/funders/{id}/survey-results.csv', { path: { id: funderId }, query });
