import { createHmac, randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SURVEY_RATE_LIMIT } from '../../config.ts';
import { AGE_BANDS } from '../../domain/follow-up/reports.ts';
import { AGE_NOT_SAID } from '../../domain/surveys/answers.ts';
import { FREE_TEXT_MAX, MAX_EXTRA_QUESTIONS, SCALE, STANDARD_QUESTIONS, SURVEY_LANGUAGES, type SurveyLanguage } from '../../domain/surveys/questions.ts';
import type { AppContext } from '../context.ts';
import { requireUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { sendPdf } from '../reply.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import {
  type AnswerInput,
  answerCookie,
  answerSurvey,
  openSurveyByToken,
  ownAnswer,
  type PublicSurvey,
  questionsVersion,
  type SurveyRef,
  surveyByToken,
} from './answer.ts';
import { actOnFreeText, listFreeTexts } from './free-texts.ts';
import { locateAgreementSurvey, presentSurvey, setSurveyOpen, setSurveyQuestions } from './manage.ts';
import { surveyPoster } from './poster.ts';
import {
  EMPTY_FORM,
  FACES,
  type FormValues,
  formValuesFromBody,
  formValuesOf,
  gonePage,
  questionText,
  SURVEY_CSP,
  surveyFormPage,
  surveyLanguage,
  surveyTexts,
  thanksPage,
} from './public-page.ts';

const Params = Type.Object({ id: Uuid });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
/** The page's language; anything else falls back to the browser's, so a mistyped link still shows the survey. */
const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 20 })) });
/** A posted form, urlencoded: each field a text, or several under one name. */
const FormBody = Type.Record(Type.String(), Type.Unknown());
const Scale = Type.Integer({ minimum: 1, maximum: 5 });
const AgeBand = Literals(AGE_BANDS);
const ExtraQuestionSchema = Type.Object({
  id: Type.String(),
  text: Type.Object({ sv: Type.String(), en: Type.Optional(Type.String()), easy: Type.Optional(Type.String()) }),
});

const answerProperties = {
  ageBand: Type.Optional(Nullable(AgeBand)),
  ratings: Type.Optional(Type.Object(Object.fromEntries(STANDARD_QUESTIONS.map((q) => [q, Type.Optional(Scale)])), { additionalProperties: false })),
  extra: Type.Optional(Type.Record(Type.String({ pattern: '^x[1-3]$' }), Scale)),
  freeText: Type.Optional(Nullable(Type.String({ maxLength: FREE_TEXT_MAX }))),
};
const AnswerSchema = Type.Object(answerProperties, { additionalProperties: false });
const AnswerBody = Type.Object(
  {
    ...answerProperties,
    questionsVersion: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'The questionsVersion of the survey as shown' }))),
  },
  { additionalProperties: false },
);

const PublicSurveyView = Type.Object({
  language: Literals(SURVEY_LANGUAGES),
  htmlLang: Literals(['sv', 'en']),
  heading: Type.String(),
  organisationName: Type.String(),
  activity: Type.String(),
  intro: Type.String(),
  anonymous: Type.Array(Type.String(), { description: 'Why the participant is anonymous, paragraph by paragraph' }),
  questions: Type.Array(
    Type.Object({
      /** Where the rating goes in the answer: ratings.safe, extra.x1 … */
      field: Type.String(),
      kind: Literals(['standard', 'extra']),
      text: Type.String(),
      lang: Literals(['sv', 'en'], { description: 'The language the text is in: an extra question without a translation is in Swedish' }),
    }),
  ),
  scale: Type.Array(Type.Object({ value: Scale, face: Type.String(), label: Type.String() })),
  ageBands: Type.Array(Type.Object({ value: Nullable(AgeBand), label: Type.String() })),
  freeText: Type.Object({ label: Type.String(), hint: Type.String(), maxLength: Type.Integer() }),
  questionsVersion: Type.String({
    description: 'Send it back with the answer: if the association changed its questions meanwhile, the answer is refused (409)',
  }),
  answer: Type.Union([Type.Null(), AnswerSchema], { description: 'The participant’s own answer, when their cookie names one' }),
  pageUrl: Type.String({ description: 'The same survey as a page' }),
});

const SurveyView = Type.Object({
  id: Uuid,
  agreementId: Uuid,
  status: Literals(['open', 'closed']),
  closedAt: Nullable(Type.String()),
  link: Type.String({ description: 'The address participants answer at' }),
  posterUrl: Type.String(),
  answers: Type.Integer({ description: 'How many have answered' }),
  extraQuestions: Type.Array(ExtraQuestionSchema),
  maxExtraQuestions: Type.Integer(),
  questionsFrozen: Type.Boolean({ description: 'The survey has answers: its questions can no longer change' }),
  released: Type.Boolean({ description: 'Its results have been shown: it is never opened again' }),
  minGroup: Type.Integer({ description: 'The smallest group whose results or free texts are shown (the funder’s setting)' }),
  unreadFreeTexts: Nullable(Type.Integer({ description: 'For the caseworker: free texts waiting to be read' })),
  can: Type.Object({ editQuestions: Type.Boolean(), close: Type.Boolean(), open: Type.Boolean(), seeFreeTexts: Type.Boolean(), readFreeTexts: Type.Boolean() }),
});

const FreeTextItem = Type.Object({
  id: Uuid,
  state: Literals(['unread', 'read', 'masked']),
  text: Nullable(Type.String({ description: 'As written (unread, read), or the caseworker’s masked version (masked; null when all of it is hidden)' })),
});

/** Keeps the page out of caches and frames, gives it no script, and its address (the link's token) to no one else. */
function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', SURVEY_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .send(page);
}

/**
 * Limits answers per link and client without storing who answered: a client is the HMAC of the link, the
 * address and the user agent under a key made when the process starts and kept only in its memory, so the
 * counters (in @fastify/rate-limit's memory store) name no address or agent and mean nothing after a restart.
 * Besides, a ceiling per link for everyone together, which a script that changes its user agent meets.
 */
function surveyLimiter(app: FastifyInstance, ctx: AppContext) {
  const key = randomBytes(32);
  const mac = (...parts: string[]) => createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
  const tokenOf = (request: FastifyRequest) => {
    const params: unknown = request.params;
    return params && typeof params === 'object' && 'token' in params ? String(params.token) : '';
  };
  const { perClient, perLink, windowSeconds } = ctx.config.surveyRateLimit ?? SURVEY_RATE_LIMIT;
  const timeWindow = windowSeconds * 1000;
  const client = app.createRateLimit({
    max: perClient,
    timeWindow,
    keyGenerator: (request) => mac('client', tokenOf(request), request.ip, String(request.headers['user-agent'] ?? '')),
  });
  const link = app.createRateLimit({ max: perLink, timeWindow, keyGenerator: (request) => mac('link', tokenOf(request)) });
  /** Seconds to wait when the answer is one too many; null when it may go ahead. A client over its limit does not use up the link's. */
  return async (request: FastifyRequest): Promise<number | null> => {
    for (const limiter of [client, link]) {
      const r = await limiter(request);
      if (!r.isAllowed && r.isExceeded) return Math.max(1, r.ttlInSeconds);
    }
    return null;
  };
}

/** A form's fields, or a JSON body's, as the command reads them. */
function inputOf(values: FormValues & { questionsVersion?: string }): AnswerInput {
  return {
    ageBand: values.ageBand,
    ratings: values.ratings,
    extra: values.extra,
    freeText: values.freeText,
    questionsVersion: values.questionsVersion || null,
  };
}

/** The participants' survey (page and JSON), and its management by the association and the funder's staff. */
export function surveyRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const limited = surveyLimiter(fastify, ctx);
  /** The open survey with the names its page shows; 404 or 410 as a problem. */
  const openSurvey = async (token: string): Promise<PublicSurvey> => {
    const survey = await surveyByToken(ctx, token);
    if (!survey) throw new Problem(404, 'survey_not_found');
    if (survey.status === 'closed') throw new Problem(410, 'survey_closed');
    return survey;
  };
  /** The one cookie: the participant's secret for their answer, readable only by the survey's own addresses. */
  const setAnswerCookie = (reply: FastifyReply, survey: SurveyRef, secret: string, path: string) =>
    reply.setCookie(answerCookie(survey.id), secret, {
      path,
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.publicUrl.startsWith('https:'),
      maxAge: 365 * 86400,
    });

  // The pages: plain HTML forms. Their request log carries no address (logged only at warn and above, where no
  // request line is written), and neither the idempotency store (/api/ only) nor a session is involved.
  void fastify.register(async (scope) => {
    const pages = scope.withTypeProvider<TypeBoxTypeProvider>();
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(String(body))) {
        const had = fields[k];
        fields[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
      }
      done(null, fields);
    });

    const langOf = (request: FastifyRequest<{ Querystring: { lang?: string } }>) => surveyLanguage(request.query.lang, request.headers['accept-language']);
    const form = (survey: PublicSurvey, lang: SurveyLanguage, values: FormValues, state: Partial<Parameters<typeof surveyFormPage>[2]>, answered: boolean) =>
      surveyFormPage(survey, lang, { values, errors: [], answered, questionsVersion: questionsVersion(survey.extraQuestions), ...state });

    pages.get('/s/:token', { schema: { hide: true, params: TokenParams, querystring: PageQuery }, logLevel: 'warn' }, async (request, reply) => {
      const { token } = request.params;
      const lang = langOf(request);
      const survey = await surveyByToken(ctx, token);
      if (!survey) return sendPage(reply, 404, gonePage('unknown', lang));
      if (survey.status === 'closed') return sendPage(reply, 410, gonePage('closed', lang));
      const own = await ownAnswer(ctx, survey, request.cookies[answerCookie(survey.id)]);
      const page = form(survey, lang, own ? formValuesOf(own) : EMPTY_FORM, {}, !!own);
      return sendPage(reply, page.status, page.html);
    });

    pages.post(
      '/s/:token',
      { schema: { hide: true, params: TokenParams, querystring: PageQuery, body: FormBody }, logLevel: 'warn' },
      async (request, reply) => {
        const { token } = request.params;
        const lang = langOf(request);
        const values = formValuesFromBody(request.body ?? {});
        const cookieFor = (survey: Pick<SurveyRef, 'id'>) => request.cookies[answerCookie(survey.id)];
        const wait = await limited(request);
        try {
          if (wait !== null) {
            const survey = await openSurvey(token);
            const page = form(survey, lang, values, { notice: 'rate_limited' }, !!(await ownAnswer(ctx, survey, cookieFor(survey))));
            reply.header('retry-after', String(wait));
            return sendPage(reply, page.status, page.html);
          }
          const found = await openSurveyByToken(ctx, token);
          const done = await answerSurvey(ctx, found, inputOf(values), cookieFor(found));
          setAnswerCookie(reply, found, done.secret, `/s/${found.token}`);
          // Post, then redirect, then get: a reload of the thanks page does not send the answer again.
          return reply.code(303).header('cache-control', 'no-store').redirect(`/s/${found.token}/thanks?lang=${lang}`, 303);
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          if (error.status === 404) return sendPage(reply, 404, gonePage('unknown', lang));
          if (error.status === 410) return sendPage(reply, 410, gonePage('closed', lang));
          const survey = await surveyByToken(ctx, token);
          if (!survey) return sendPage(reply, 404, gonePage('unknown', lang));
          const answered = !!(await ownAnswer(ctx, survey, cookieFor(survey)));
          if (error.code === 'survey_questions_changed') {
            // What was answered to questions that still exist stays; the rest is asked again.
            const ids = new Set(survey.extraQuestions.map((q) => q.id));
            const kept = { ...values, extra: Object.fromEntries(Object.entries(values.extra).filter(([k]) => ids.has(k))) };
            const page = form(survey, lang, kept, { notice: 'questions_changed' }, answered);
            return sendPage(reply, page.status, page.html);
          }
          if (error.fields.length) {
            const page = form(survey, lang, values, { errors: error.fields }, answered);
            return sendPage(reply, page.status, page.html);
          }
          throw error;
        }
      },
    );

    pages.get('/s/:token/thanks', { schema: { hide: true, params: TokenParams, querystring: PageQuery }, logLevel: 'warn' }, async (request, reply) => {
      const { token } = request.params;
      const lang = langOf(request);
      const survey = await surveyByToken(ctx, token);
      if (!survey) return sendPage(reply, 404, gonePage('unknown', lang));
      if (survey.status === 'closed') return sendPage(reply, 410, gonePage('closed', lang));
      return sendPage(reply, 200, thanksPage(survey, lang));
    });
  });

  app.get(
    '/api/public/surveys/:token',
    {
      logLevel: 'warn',
      schema: {
        tags: ['public'],
        summary:
          'A participants’ survey in a language (?lang=sv|en|easy; easy is lättläst Swedish): its questions, scale and age bands; 404 for no survey, 410 when closed',
        params: TokenParams,
        querystring: Type.Object({ lang: Type.Optional(Literals(SURVEY_LANGUAGES)) }),
        response: { 200: PublicSurveyView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const lang = surveyLanguage(request.query.lang, request.headers['accept-language']);
      request.lang = lang === 'en' ? 'en' : 'sv';
      const survey = await openSurvey(request.params.token);
      const own = await ownAnswer(ctx, survey, request.cookies[answerCookie(survey.id)]);
      const t = surveyTexts(lang);
      reply.header('cache-control', 'no-store');
      return {
        language: lang,
        htmlLang: t.htmlLang,
        heading: t.heading,
        organisationName: survey.organisationName,
        activity: survey.activity,
        intro: `${t.intro} ${t.optional}`,
        anonymous: t.anonymous,
        questions: [
          ...STANDARD_QUESTIONS.map((q) => ({ field: `ratings.${q}`, kind: 'standard' as const, text: t.questions[q], lang: t.htmlLang })),
          ...survey.extraQuestions.map((q) => ({ field: `extra.${q.id}`, kind: 'extra' as const, ...questionText(q, lang) })),
        ],
        scale: SCALE.map((value, i) => ({ value, face: FACES[i], label: t.scale[i] })),
        ageBands: [...AGE_BANDS.map((value) => ({ value, label: t.ages[value] })), { value: null, label: t.ages[AGE_NOT_SAID] }],
        freeText: { label: t.freeText, hint: t.freeTextHint, maxLength: FREE_TEXT_MAX },
        questionsVersion: questionsVersion(survey.extraQuestions),
        answer: own,
        pageUrl: `${ctx.config.publicUrl}/s/${survey.token}?lang=${lang}`,
      };
    },
  );

  app.put(
    '/api/public/surveys/:token/answer',
    {
      logLevel: 'warn',
      // Anonymous and sessionless: nothing a forged request could act as. It takes only JSON, which a form on
      // another site cannot send without the browser asking first (CORS), which this server never allows.
      config: { csrf: false },
      schema: {
        tags: ['public'],
        summary:
          'Answer the survey, or change your answer: the first answer sets the cookie that lets the same browser change it (no other cookie, nothing about who answered is stored). 201 for a new answer, 200 for a changed one; 429 when too many answer from one place at once.',
        params: TokenParams,
        querystring: Type.Object({ lang: Type.Optional(Literals(SURVEY_LANGUAGES)) }),
        body: AnswerBody,
        response: {
          200: Type.Object({ outcome: Literals(['created', 'updated']), answer: AnswerSchema }),
          201: Type.Object({ outcome: Literals(['created', 'updated']), answer: AnswerSchema }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const lang = surveyLanguage(request.query.lang, request.headers['accept-language']);
      request.lang = lang === 'en' ? 'en' : 'sv';
      const wait = await limited(request);
      if (wait !== null) {
        reply.header('retry-after', String(wait));
        throw new Problem(429, 'survey_rate_limited');
      }
      const survey = await openSurveyByToken(ctx, request.params.token);
      const done = await answerSurvey(ctx, survey, request.body, request.cookies[answerCookie(survey.id)]);
      setAnswerCookie(reply, survey, done.secret, `/api/public/surveys/${survey.token}`);
      reply.code(done.outcome === 'created' ? 201 : 200);
      return { outcome: done.outcome, answer: done.answer };
    },
  );

  app.get(
    '/api/agreements/:id/survey',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'The participants’ survey of an agreement: link, poster, status, answers so far and the association’s own questions (members and staff); 404 survey_not_found when the call asked for none',
        params: Params,
        response: { 200: SurveyView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return presentSurvey(ctx, user, await locateAgreementSurvey(ctx, user, request.params.id));
    },
  );

  app.put(
    '/api/surveys/:id/questions',
    {
      schema: {
        tags: ['surveys'],
        summary: `The association’s own questions, at most ${MAX_EXTRA_QUESTIONS}, on the same 1–5 scale: Swedish required, English and easy Swedish optional (members and caseworkers; only until the first answer)`,
        params: Params,
        body: Type.Object(
          {
            questions: Type.Array(
              Type.Object(
                {
                  text: Type.Object(
                    {
                      sv: Type.String({ maxLength: 1000 }),
                      en: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
                      easy: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
                    },
                    { additionalProperties: false },
                  ),
                },
                { additionalProperties: false },
              ),
              { maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SurveyView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const s = await setSurveyQuestions(ctx, user, request.params.id, request.body.questions);
      return presentSurvey(ctx, user, s);
    },
  );

  for (const [verb, open] of [
    ['close', false],
    ['open', true],
  ] as const) {
    app.post(
      `/api/surveys/:id/${verb}`,
      {
        schema: {
          tags: ['surveys'],
          summary: open
            ? 'Open the survey again for answers (members and caseworkers)'
            : 'Close the survey: no more answers are taken (members and caseworkers)',
          params: Params,
          response: { 200: SurveyView, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const s = await setSurveyOpen(ctx, user, request.params.id, open);
        return presentSurvey(ctx, user, s);
      },
    );
  }

  app.get(
    '/api/surveys/:id/poster.pdf',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The A4 poster: a QR code of the link, and a short text in Swedish, English and easy Swedish (members and staff)',
        params: Params,
        response: { 200: Type.String({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const poster = await surveyPoster(ctx, requireUser(request), request.params.id);
      return sendPdf(reply, poster.name, poster.pdf);
    },
  );

  app.get(
    '/api/surveys/:id/free-texts',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'The free-text answers (the funder’s staff only): a caseworker also sees those not yet read; everyone else only read or masked ones. None while the survey has fewer answers than the smallest group shown.',
        params: Params,
        response: {
          200: Type.Object({
            surveyId: Uuid,
            answers: Type.Integer(),
            minGroup: Type.Integer(),
            hidden: Type.Boolean({ description: 'Too few answers: no free text is shown' }),
            mayRead: Type.Boolean(),
            items: Type.Array(FreeTextItem),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listFreeTexts(ctx, requireUser(request), request.params.id),
  );

  app.post(
    '/api/survey-answers/:id/free-text',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'The caseworker has read a free text (others on the staff may then see it), or masks it: `masked` is shown instead (names taken out; empty hides it all) and the original is erased',
        params: Params,
        body: Type.Object(
          { action: Literals(['read', 'mask']), masked: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))) },
          { additionalProperties: false },
        ),
        response: { 200: FreeTextItem, ...errorResponses },
      },
    },
    async (request) => actOnFreeText(ctx, requireUser(request), request.params.id, request.body),
  );
}
