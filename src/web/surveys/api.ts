// The participants' survey results: one agreement's, and the funder's summary (with its CSV download).
import { client, href, unwrap } from '../api/client.ts';
import type { Answer, Query } from '../api/types.ts';

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
