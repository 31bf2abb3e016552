import { isMessageCode, type MessageCode } from '../i18n/messages.ts';

export interface FieldProblem {
  field: string;
  code: MessageCode;
  params?: Record<string, unknown>;
}

/** An error a user can act on: sent as application/problem+json, never with a stack. */
export class Problem extends Error {
  readonly status: number;
  readonly code: MessageCode;
  readonly params: Record<string, unknown>;
  readonly fields: FieldProblem[];
  /** Data the client needs to resolve the problem (e.g. the current version on an edit conflict). */
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: MessageCode, params: Record<string, unknown> = {}, fields: FieldProblem[] = [], details?: Record<string, unknown>) {
    super(code);
    this.status = status;
    this.code = code;
    this.params = params;
    this.fields = fields;
    this.details = details;
  }
}

/** A 400/409/422 tied to one field of the form. */
export function fieldProblem(status: number, field: string, code: MessageCode, params: Record<string, unknown> = {}): Problem {
  return new Problem(status, code, params, [{ field, code, params }]);
}

/** Turns a domain rule's problems into one 422 that names every field. */
export function rulesProblem(problems: { field: string; code: string; params?: Record<string, unknown> }[], code: MessageCode = 'validation_failed'): Problem {
  return new Problem(
    422,
    code,
    {},
    problems.map((p) => ({ field: p.field, code: isMessageCode(p.code) ? p.code : 'invalid_value', params: p.params })),
  );
}
