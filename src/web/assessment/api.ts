// Assessing a call's applications: screening, reviewers, proposals, the optimizer and the call's overview.
import { client, href, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type AssessmentOverview = Answer<'/api/calls/{id}/assessment', 'get'>;
export type OverviewRow = AssessmentOverview['applications'][number];
export type Criterion = AssessmentOverview['call']['criteria'][number];
export type ScoreSummary = OverviewRow['scores'];
export type ProposalView = Answer<'/api/applications/{id}/proposal', 'post'>;
export type ScreeningView = Answer<'/api/applications/{id}/screening', 'get'>;
export type ReviewsView = Answer<'/api/applications/{id}/reviews', 'get'>;
export type ReviewView = ReviewsView['reviews'][number];
export type Candidate = Answer<'/api/funders/{funderId}/reviewers', 'get'>['reviewers'][number];
export type OptimizerRequest = Body<'/api/calls/{id}/optimizer', 'post'>;
export type OptimizerAnswer = Answer<'/api/calls/{id}/optimizer', 'post'>;

export const getAssessment = (callId: string) => unwrap(client.GET('/api/calls/{id}/assessment', { params: { path: { id: callId } } }));
export const getScreening = (applicationId: string) => unwrap(client.GET('/api/applications/{id}/screening', { params: { path: { id: applicationId } } }));
export const screen = (applicationId: string, body: Body<'/api/applications/{id}/screening', 'post'>) =>
  unwrap(client.POST('/api/applications/{id}/screening', { params: { path: { id: applicationId } }, body }));
export const listReviewerCandidates = (funderId: string) => unwrap(client.GET('/api/funders/{funderId}/reviewers', { params: { path: { funderId } } }));
export const assignReviewers = (applicationId: string, reviewerIds: string[]) =>
  unwrap(client.PUT('/api/applications/{id}/reviewers', { params: { path: { id: applicationId } }, body: { reviewerIds } }));
export const getReviews = (applicationId: string) => unwrap(client.GET('/api/applications/{id}/reviews', { params: { path: { id: applicationId } } }));
export const propose = (applicationId: string, body: Body<'/api/applications/{id}/proposal', 'post'>) =>
  unwrap(client.POST('/api/applications/{id}/proposal', { params: { path: { id: applicationId } }, body }));
export const optimize = (callId: string, body: OptimizerRequest) =>
  unwrap(client.POST('/api/calls/{id}/optimizer', { params: { path: { id: callId } }, body }));

/** The call's decision basis and minutes as PDFs. */
export const decisionBasisUrl = (callId: string) => href('/api/calls/{id}/decision-basis.pdf', { path: { id: callId } });
export const minutesUrl = (callId: string) => href('/api/calls/{id}/minutes.pdf', { path: { id: callId } });
