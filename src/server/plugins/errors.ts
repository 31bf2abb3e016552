import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { both, type Lang, type MessageCode, translate } from '../../i18n/messages.ts';
import { type FieldProblem, Problem } from '../problem.ts';

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Maps a schema validation issue to a field and a message a volunteer understands. */
function fieldFromValidation(issue: ValidationIssue): FieldProblem {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  switch (issue.keyword) {
    case 'required':
      return { field: [path, issue.params.missingProperty].filter(Boolean).join('.'), code: 'required' };
    case 'minLength':
      return issue.params.limit === 1 ? { field: path, code: 'required' } : { field: path, code: 'too_short', params: { limit: issue.params.limit } };
    case 'maxLength':
      return { field: path, code: 'too_long', params: { limit: issue.params.limit } };
    case 'format':
      return { field: path, code: issue.params.format === 'email' ? 'invalid_email' : 'invalid_format' };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { field: path, code: 'invalid_choice' };
    case 'pattern':
      return { field: path, code: 'invalid_format' };
    case 'additionalProperties':
      return { field: String(issue.params.additionalProperty), code: 'unknown_field', params: { name: issue.params.additionalProperty } };
    default:
      return { field: path, code: 'invalid_value' };
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const lang: Lang = request.lang ?? 'sv';
  const fields = problem.fields.map((f) => ({
    field: f.field,
    code: f.code,
    message: translate(f.code, lang, f.params),
    messages: both(f.code, f.params),
  }));
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `/problems/${problem.code}`,
      title: translate(problem.code, lang, problem.params),
      status: problem.status,
      code: problem.code,
      messages: both(problem.code, problem.params),
      ...(fields.length ? { errors: fields } : {}),
      ...(problem.details ? { details: problem.details } : {}),
      requestId: request.id,
    });
}

const FASTIFY_CODES: Record<string, { status: number; code: MessageCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_value' },
};

export function installErrorHandling(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return sendProblem(request, reply, error);
    if (error.validation) {
      const fields = error.validation.map((v) => fieldFromValidation(v as unknown as ValidationIssue));
      return sendProblem(request, reply, new Problem(400, 'validation_failed', {}, fields));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      return sendProblem(
        request,
        reply,
        new Problem(known.status, known.code, {
          limit: Math.round(bodyLimit / 1024),
          type: request.headers['content-type'] ?? '',
        }),
      );
    }
    if (error.statusCode === 429) return sendProblem(request, reply, new Problem(429, 'rate_limited'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return sendProblem(request, reply, new Problem(error.statusCode, 'invalid_value'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new Problem(500, 'internal'));
  });
}
