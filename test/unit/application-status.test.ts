import { describe, expect, it } from 'vitest';
import { shownStatus } from '../../src/domain/applications/status.ts';

describe('the one status an application is shown with', () => {
  it('is its stage until a decision', () => {
    expect(shownStatus({ status: 'draft', awaitingCompletion: false, outcome: null })).toBe('draft');
    expect(shownStatus({ status: 'submitted', awaitingCompletion: false, outcome: null })).toBe('submitted');
    expect(shownStatus({ status: 'submitted', awaitingCompletion: true, outcome: null })).toBe('awaiting_completion');
  });

  it("is the current decision's outcome once decided, not 'received'", () => {
    expect(shownStatus({ status: 'submitted', awaitingCompletion: false, outcome: 'partially_approved' })).toBe('partially_approved');
    expect(shownStatus({ status: 'submitted', awaitingCompletion: false, outcome: 'approved' })).toBe('approved');
    expect(shownStatus({ status: 'submitted', awaitingCompletion: true, outcome: 'rejected' })).toBe('rejected');
  });

  it('is withdrawn for a withdrawn application, and ignores what is not an outcome', () => {
    expect(shownStatus({ status: 'withdrawn', awaitingCompletion: false, outcome: null })).toBe('withdrawn');
    expect(shownStatus({ status: 'submitted', awaitingCompletion: false, outcome: 'maybe' })).toBe('submitted');
  });
});
