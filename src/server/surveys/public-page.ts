// The participants' survey page: plain HTML written by the server, so it works on the cheapest phone without
// JavaScript, at 320 px, with the keyboard alone and with a screen reader. In Swedish, English and easy Swedish
// (lättläst: short sentences, common words), switched by links. Everything the association or a participant
// wrote is escaped (html`` escapes every value), so a script or a formula shows as the text it is.
import { createHash } from 'node:crypto';
import { AGE_BANDS, type AgeBand } from '../../domain/follow-up/reports.ts';
import { AGE_NOT_SAID } from '../../domain/surveys/answers.ts';
import {
  type ExtraQuestion,
  FREE_TEXT_MAX,
  SCALE,
  STANDARD_QUESTIONS,
  type StandardQuestion,
  SURVEY_LANGUAGES,
  type SurveyAnswer,
  type SurveyLanguage,
} from '../../domain/surveys/questions.ts';
import { isMessageCode, type MessageCode, translate } from '../../i18n/messages.ts';
import type { FieldProblem } from '../problem.ts';
import { Html, html, type Part } from '../web/first-view.ts';
import type { PublicSurvey } from './answer.ts';

/** The scale's faces, from "not at all" to "very much"; shown beside the words, never instead of them. */
export const FACES = ['😞', '🙁', '😐', '🙂', '😄'] as const;

interface Texts {
  /** The language's name in itself, for the switch. */
  name: string;
  /** The HTML lang: easy Swedish is Swedish. */
  htmlLang: 'sv' | 'en';
  languages: string;
  heading: string;
  about: (activity: string, organisation: string) => Part;
  intro: string;
  optional: string;
  anonymousHeading: string;
  anonymous: string[];
  questions: Record<StandardQuestion, string>;
  scale: [string, string, string, string, string];
  extraHeading: string;
  age: string;
  ages: Record<AgeBand | typeof AGE_NOT_SAID, string>;
  freeText: string;
  freeTextHint: string;
  send: string;
  saveChange: string;
  answered: string;
  errorsHeading: string;
  /** Messages of problems in easy Swedish; Swedish and English come from the server's catalogue. */
  errors?: Partial<Record<MessageCode, string>>;
  thanks: string;
  thanksText: string[];
  change: string;
  closed: { heading: string; text: string };
  unknown: { heading: string; text: string };
  rateLimited: string;
  footer: string;
}

const TEXTS: Record<SurveyLanguage, Texts> = {
  sv: {
    name: 'Svenska',
    htmlLang: 'sv',
    languages: 'Språk',
    heading: 'Vad tyckte du?',
    about: (activity, organisation) => html`Frågorna gäller <strong><bdi>${activity}</bdi></strong> med <bdi>${organisation}</bdi>.`,
    intro: 'Fem korta frågor om hur du hade det. Det tar ett par minuter.',
    optional: 'Alla frågor är frivilliga. Svara på dem du vill.',
    anonymousHeading: 'Du är anonym',
    anonymous: [
      'Vi frågar inte efter ditt namn. Vi sparar inte vem du är, var du svarar ifrån eller vilken tid du svarar, bara vilken dag. Ingen kan se vem som har svarat vad.',
      'Skriv inte ditt eller någon annans namn i rutan längst ner.',
      'När du skickar sparas en kaka (cookie) i din webbläsare. Med den kan du ändra ditt svar från den här telefonen. Den säger inget om vem du är.',
    ],
    questions: {
      safe: 'Kände du dig trygg här?',
      welcome: 'Kände du dig välkommen?',
      come_back: 'Vill du komma tillbaka?',
      learned: 'Lärde du dig något nytt?',
      listened: 'Lyssnade de vuxna på dig?',
    },
    scale: ['Inte alls', 'Lite', 'Ganska', 'Mycket', 'Väldigt mycket'],
    extraHeading: 'Föreningens egna frågor',
    age: 'Hur gammal är du?',
    ages: {
      under_13: 'Yngre än 13 år',
      '13_15': '13–15 år',
      '16_18': '16–18 år',
      '19_25': '19–25 år',
      over_25: 'Äldre än 25 år',
      not_said: 'Vill inte säga',
    },
    freeText: 'Vill du säga något mer?',
    freeTextHint: `Skriv fritt, högst ${FREE_TEXT_MAX} tecken. Skriv inga namn.`,
    send: 'Skicka',
    saveChange: 'Spara ändringen',
    answered: 'Du har redan svarat. Här kan du ändra ditt svar.',
    errorsHeading: 'Något behöver rättas',
    thanks: 'Tack för ditt svar!',
    thanksText: ['Ditt svar är sparat. Du är fortfarande anonym.', 'Så länge enkäten är öppen kan du ändra ditt svar från den här telefonen.'],
    change: 'Ändra ditt svar',
    closed: { heading: 'Enkäten är stängd', text: 'Den här enkäten tar inte emot fler svar. Tack för att du ville svara!' },
    unknown: {
      heading: 'Vi hittar inte enkäten',
      text: 'Länken leder inte till någon enkät. Kontrollera att den är rätt skriven, eller skanna QR-koden på affischen igen.',
    },
    rateLimited: 'Många svarar just nu. Vänta en minut och skicka igen. Dina svar finns kvar här nedanför.',
    footer: 'Enkäten görs med Samverka. Svaren visas bara sammanräknade, för grupper om flera personer.',
  },
  en: {
    name: 'English',
    htmlLang: 'en',
    languages: 'Language',
    heading: 'What did you think?',
    about: (activity, organisation) => html`The questions are about <strong><bdi>${activity}</bdi></strong> with <bdi>${organisation}</bdi>.`,
    intro: 'Five short questions about how it was for you. It takes a couple of minutes.',
    optional: 'All questions are optional. Answer the ones you like.',
    anonymousHeading: 'You are anonymous',
    anonymous: [
      'We do not ask for your name. We do not store who you are, where you answer from or what time you answer, only the day. Nobody can see who answered what.',
      'Please do not write your own or anyone else’s name in the box at the end.',
      'When you send, a cookie is saved in your browser. With it you can change your answer from this phone. It says nothing about who you are.',
    ],
    questions: {
      safe: 'Did you feel safe here?',
      welcome: 'Did you feel welcome?',
      come_back: 'Do you want to come back?',
      learned: 'Did you learn something new?',
      listened: 'Did the adults listen to you?',
    },
    scale: ['Not at all', 'A little', 'Somewhat', 'A lot', 'Very much'],
    extraHeading: 'The association’s own questions',
    age: 'How old are you?',
    ages: {
      under_13: 'Under 13',
      '13_15': '13–15',
      '16_18': '16–18',
      '19_25': '19–25',
      over_25: 'Over 25',
      not_said: 'I’d rather not say',
    },
    freeText: 'Is there anything else you want to say?',
    freeTextHint: `Write freely, at most ${FREE_TEXT_MAX.toLocaleString('en')} characters. Please write no names.`,
    send: 'Send',
    saveChange: 'Save the change',
    answered: 'You have already answered. You can change your answer here.',
    errorsHeading: 'Something needs fixing',
    thanks: 'Thank you for your answer!',
    thanksText: ['Your answer is saved. You are still anonymous.', 'While the survey is open you can change your answer from this phone.'],
    change: 'Change your answer',
    closed: { heading: 'The survey is closed', text: 'This survey takes no more answers. Thank you for wanting to answer!' },
    unknown: {
      heading: 'We cannot find the survey',
      text: 'The link does not lead to a survey. Check that it is written correctly, or scan the QR code on the poster again.',
    },
    rateLimited: 'Many people are answering right now. Wait a minute and send again. Your answers are kept below.',
    footer: 'The survey is run with Samverka. Answers are only shown added up, for groups of several people.',
  },
  easy: {
    name: 'Lättläst',
    htmlLang: 'sv',
    languages: 'Språk',
    heading: 'Vad tycker du?',
    about: (activity, organisation) => html`Frågorna handlar om <strong><bdi>${activity}</bdi></strong>. Det är <bdi>${organisation}</bdi> som gör det.`,
    intro: 'Vi vill veta vad du tycker. Det går fort.',
    optional: 'Du väljer själv vilka frågor du svarar på.',
    anonymousHeading: 'Ingen vet vem du är',
    anonymous: [
      'Du skriver inte ditt namn. Vi sparar inte vem du är. Ingen kan se vad just du svarar.',
      'Skriv inga namn i rutan längst ner.',
      'Telefonen sparar en liten fil. Den heter kaka. Då kan du ändra ditt svar sen.',
    ],
    questions: {
      safe: 'Kände du dig trygg?',
      welcome: 'Kände du dig välkommen?',
      come_back: 'Vill du komma igen?',
      learned: 'Lärde du dig något?',
      listened: 'Lyssnade de vuxna på dig?',
    },
    scale: ['Nej, inte alls', 'Lite', 'Mittemellan', 'Ja, mycket', 'Ja, jättemycket'],
    extraHeading: 'Fler frågor',
    age: 'Hur gammal är du?',
    ages: {
      under_13: 'Under 13 år',
      '13_15': '13–15 år',
      '16_18': '16–18 år',
      '19_25': '19–25 år',
      over_25: 'Över 25 år',
      not_said: 'Jag vill inte säga',
    },
    freeText: 'Vill du säga något mer?',
    freeTextHint: 'Skriv här om du vill. Skriv inga namn.',
    send: 'Skicka',
    saveChange: 'Ändra',
    answered: 'Du har redan svarat. Du kan ändra ditt svar här.',
    errorsHeading: 'Titta en gång till',
    errors: {
      survey_empty: 'Svara på minst en fråga. Sen kan du skicka.',
      invalid_choice: 'Välj ett av svaren.',
      too_long: 'Texten är för lång. Skriv högst {{limit}} tecken.',
      invalid_value: 'Något blev fel. Försök igen.',
      unknown_field: 'Något blev fel. Försök igen.',
      survey_questions_changed: 'Föreningen har ändrat sina frågor. Titta på dem igen. Skicka sen en gång till.',
    },
    thanks: 'Tack för att du svarade!',
    thanksText: ['Ditt svar är sparat. Ingen vet vem du är.', 'Du kan ändra ditt svar sen. Använd samma telefon.'],
    change: 'Ändra ditt svar',
    closed: { heading: 'Enkäten är stängd', text: 'Du kan inte svara mer. Tack ändå!' },
    unknown: { heading: 'Enkäten finns inte', text: 'Länken är fel. Skanna koden på affischen igen.' },
    rateLimited: 'Många svarar just nu. Vänta en minut. Skicka sen igen. Dina svar finns kvar.',
    footer: 'Enkäten görs med Samverka. Ingen ser vad just du svarar.',
  },
};

export const surveyTexts = (lang: SurveyLanguage) => TEXTS[lang];

/** The language asked for by ?lang=, else the browser's (English if it prefers it), else Swedish. */
export function surveyLanguage(query: unknown, acceptLanguage: string | undefined): SurveyLanguage {
  if (typeof query === 'string' && (SURVEY_LANGUAGES as readonly string[]).includes(query)) return query as SurveyLanguage;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'sv' || tag === 'en') return tag;
  }
  return 'sv';
}

/** The question's text in the language; the association's Swedish where it gave no other. */
export function questionText(q: ExtraQuestion, lang: SurveyLanguage): { text: string; lang: 'sv' | 'en' } {
  const own = q.text[lang];
  if (own) return { text: own, lang: TEXTS[lang].htmlLang };
  return { text: q.text.sv, lang: 'sv' };
}

/** A problem's message in the page's language. */
export function problemText(code: string, params: Record<string, unknown> | undefined, lang: SurveyLanguage): string {
  const known: MessageCode = isMessageCode(code) ? code : 'invalid_value';
  const easy = lang === 'easy' ? TEXTS.easy.errors?.[known] : undefined;
  if (easy) return easy.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
  return translate(known, lang === 'en' ? 'en' : 'sv', params);
}

/** What the form shows in its fields: the participant's answer, or what they just sent. */
export interface FormValues {
  ageBand: string;
  ratings: Record<string, string>;
  extra: Record<string, string>;
  freeText: string;
}

export const EMPTY_FORM: FormValues = { ageBand: '', ratings: {}, extra: {}, freeText: '' };

export function formValuesOf(answer: SurveyAnswer): FormValues {
  const strings = (o: Record<string, number | undefined>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
  return { ageBand: answer.ageBand ?? '', ratings: strings(answer.ratings), extra: strings(answer.extra), freeText: answer.freeText ?? '' };
}

/** A posted form (urlencoded, fields named ratings.safe, extra.x1, ageBand, freeText) as the command reads it. */
export function formValuesFromBody(body: Record<string, string | string[]>): FormValues & { questionsVersion: string } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  const values: FormValues & { questionsVersion: string } = { ...EMPTY_FORM, ratings: {}, extra: {}, questionsVersion: one(body.questionsVersion) };
  for (const [key, value] of Object.entries(body)) {
    const [group, name] = key.split('.', 2);
    if (group === 'ratings' && name) values.ratings[name] = one(value);
    else if (group === 'extra' && name) values.extra[name] = one(value);
  }
  values.ageBand = one(body.ageBand);
  values.freeText = one(body.freeText);
  return values;
}

const fieldId = (field: string) => field.replace(/[^A-Za-z0-9_-]/g, '-');

// Small, and the only style: big touch targets, a visible focus ring, AA contrast, one column at 320 px.
const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{padding-top:.75rem}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
a{color:#0a4fa3;text-underline-offset:.15em}
a[aria-current]{color:#1b1b1b;font-weight:700;text-decoration:none}
h1{font-size:1.75rem;line-height:1.2;margin:1rem 0 .5rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
.lead{font-size:1.125rem}
.note{background:#eef4fb;border-left:.3rem solid #0a4fa3;padding:.5rem 1rem;margin:1rem 0}
.note p{margin:.5rem 0}
fieldset{border:0;padding:0;margin:1.75rem 0}
legend{font-weight:700;font-size:1.1875rem;padding:0;margin-bottom:.5rem}
.scale{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.option{display:flex;align-items:center;gap:.6rem;min-height:3rem;padding:.5rem .75rem;border:2px solid #767676;border-radius:.5rem;cursor:pointer}
.option input{width:1.375rem;height:1.375rem;margin:0;flex:none;accent-color:#0a4fa3}
.face{font-size:1.625rem;line-height:1}
.option:has(input:checked){border-color:#0a4fa3;background:#e8f0fb}
.option:has(input:focus-visible){outline:3px solid #0a4fa3;outline-offset:2px}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,.summary:focus{outline:3px solid #0a4fa3;outline-offset:2px}
.ages .option{min-height:2.75rem}
label.text{display:block;font-weight:700;font-size:1.1875rem}
.hint{color:#4a4a4a;margin:.25rem 0 .5rem}
textarea{display:block;width:100%;min-height:8rem;font:inherit;padding:.5rem;border:2px solid #767676;border-radius:.25rem}
button{font:inherit;font-weight:700;color:#fff;background:#0a4fa3;border:0;border-radius:.5rem;padding:.75rem 2rem;min-height:3rem;cursor:pointer}
.error{color:#b00020;font-weight:700;margin:.25rem 0 .5rem}
.invalid .option,.invalid textarea{border-color:#b00020}
.summary{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0}
.summary h2{margin-top:.25rem}
.notice{border:3px solid #0a4fa3;padding:.5rem 1rem;margin:1rem 0}
footer{color:#4a4a4a;font-size:.9375rem;margin-top:2rem;padding-bottom:2rem}
@media (min-width:40rem){.scale{grid-template-columns:repeat(5,1fr)}.scale .option{flex-direction:column;text-align:center;gap:.25rem}}
`.trim();

/** The style's hash, which the page's Content-Security-Policy allows: no other style and no script at all. */
const CSS_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;
export const SURVEY_CSP = `default-src 'none'; style-src '${CSS_HASH}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

function layout(lang: SurveyLanguage, title: string, body: Html, switchTo?: (l: SurveyLanguage) => string): string {
  const t = TEXTS[lang];
  const nav = switchTo
    ? html`<header>
<nav aria-label="${t.languages}"><ul>${SURVEY_LANGUAGES.map(
        (l) => html`<li><a href="${switchTo(l)}" lang="${TEXTS[l].htmlLang}"${l === lang ? new Html(' aria-current="page"') : ''}>${TEXTS[l].name}</a></li>`,
      )}</ul></nav>
</header>`
    : html`<header></header>`;
  return html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
${nav}
<main id="main">
${body}
</main>
<footer><p>${t.footer}</p></footer>
</body>
</html>
`.value;
}

export interface FormState {
  values: FormValues;
  /** Problems on fields, from the command. */
  errors: FieldProblem[] | { field: string; code: string; params?: Record<string, unknown> }[];
  /** A problem about the whole page: too many answers at once, or the questions changed. */
  notice?: 'rate_limited' | 'questions_changed';
  /** The participant has answered before (their cookie found their answer). */
  answered: boolean;
  questionsVersion: string;
}

function scaleGroup(field: string, legend: Html, value: string | undefined, lang: SurveyLanguage, error: Html | null, legendLang?: 'sv' | 'en') {
  const t = TEXTS[lang];
  const id = fieldId(field);
  const errorId = `${id}-error`;
  return html`<fieldset id="${id}"${error ? new Html(` aria-describedby="${errorId}" class="invalid"`) : ''}>
<legend${legendLang && legendLang !== t.htmlLang ? new Html(` lang="${legendLang}"`) : ''}>${legend}</legend>
${error ? html`<p class="error" id="${errorId}">${error}</p>` : ''}
<ul class="scale" role="list">${SCALE.map(
    (n, i) =>
      html`<li><label class="option"><input type="radio" name="${field}" id="${id}-${n}" value="${n}"${value === String(n) ? new Html(' checked') : ''}${error ? new Html(' aria-invalid="true"') : ''}><span class="face" aria-hidden="true">${FACES[i]}</span><span>${t.scale[i]}</span></label></li>`,
  )}</ul>
</fieldset>`;
}

/** The survey's form: the five questions, the association's own, the age band and the free text. */
export function surveyFormPage(survey: PublicSurvey, lang: SurveyLanguage, state: FormState): { html: string; status: number } {
  const t = TEXTS[lang];
  const errorOf = (field: string) => {
    const e = state.errors.find((x) => x.field === field);
    return e ? new Html(escapeText(problemText(e.code, e.params, lang))) : null;
  };
  const firstInput = (field: string) =>
    field.startsWith('ratings.') || field.startsWith('extra.')
      ? `${fieldId(field)}-1`
      : field === 'ageBand'
        ? `${fieldId(field)}-${AGE_BANDS[0]}`
        : fieldId(field);
  const summary = state.errors.length
    ? html`<div class="summary" role="alert" tabindex="-1" autofocus aria-labelledby="summary-heading">
<h2 id="summary-heading">${t.errorsHeading}</h2>
<ul>${state.errors.map((e) => html`<li><a href="#${firstInput(e.field)}">${problemText(e.code, e.params, lang)}</a></li>`)}</ul>
</div>`
    : '';
  const notice =
    state.notice === 'rate_limited'
      ? html`<div class="notice" role="alert" tabindex="-1" autofocus><p>${t.rateLimited}</p></div>`
      : state.notice === 'questions_changed'
        ? html`<div class="notice" role="alert" tabindex="-1" autofocus><p>${problemText('survey_questions_changed', {}, lang)}</p></div>`
        : state.answered
          ? html`<div class="notice"><p>${t.answered}</p></div>`
          : '';
  const ageError = errorOf('ageBand');
  const freeError = errorOf('freeText');
  const body = html`<h1>${t.heading}</h1>
<p class="lead">${t.about(survey.activity, survey.organisationName)}</p>
<p>${t.intro} ${t.optional}</p>
<section class="note" aria-labelledby="anonymous-heading">
<h2 id="anonymous-heading">${t.anonymousHeading}</h2>
${t.anonymous.map((p) => html`<p>${p}</p>`)}
</section>
${notice}
${summary}
<form method="post" action="/s/${survey.token}?lang=${lang}" novalidate>
<input type="hidden" name="questionsVersion" value="${state.questionsVersion}">
${STANDARD_QUESTIONS.map((q) => scaleGroup(`ratings.${q}`, html`${t.questions[q]}`, state.values.ratings[q], lang, errorOf(`ratings.${q}`)))}
${
  survey.extraQuestions.length
    ? html`<h2>${t.extraHeading}</h2>
${survey.extraQuestions.map((q) => {
  const shown = questionText(q, lang);
  return scaleGroup(`extra.${q.id}`, html`${shown.text}`, state.values.extra[q.id], lang, errorOf(`extra.${q.id}`), shown.lang);
})}`
    : ''
}
<fieldset id="ageBand"${ageError ? new Html(' aria-describedby="ageBand-error" class="invalid ages"') : new Html(' class="ages"')}>
<legend>${t.age}</legend>
${ageError ? html`<p class="error" id="ageBand-error">${ageError}</p>` : ''}
<ul class="scale" role="list">${([...AGE_BANDS, AGE_NOT_SAID] as const).map(
    (band) =>
      html`<li><label class="option"><input type="radio" name="ageBand" id="ageBand-${band}" value="${band}"${state.values.ageBand === band ? new Html(' checked') : ''}><span>${t.ages[band]}</span></label></li>`,
  )}</ul>
</fieldset>
<div${freeError ? new Html(' class="invalid"') : ''}>
<label class="text" for="freeText">${t.freeText}</label>
<p class="hint" id="freeText-hint">${t.freeTextHint}</p>
${freeError ? html`<p class="error" id="freeText-error">${freeError}</p>` : ''}
<textarea id="freeText" name="freeText" rows="5" maxlength="${FREE_TEXT_MAX}" aria-describedby="freeText-hint${freeError ? ' freeText-error' : ''}"${freeError ? new Html(' aria-invalid="true"') : ''}>${state.values.freeText}</textarea>
</div>
<p><button type="submit">${state.answered ? t.saveChange : t.send}</button></p>
</form>`;
  const status = state.notice === 'rate_limited' ? 429 : state.notice === 'questions_changed' ? 409 : state.errors.length ? 422 : 200;
  return {
    html: layout(lang, `${state.errors.length ? `${t.errorsHeading}: ` : ''}${t.heading} – ${survey.activity}`, body, (l) => `/s/${survey.token}?lang=${l}`),
    status,
  };
}

const escapeText = (s: string) => html`${s}`.value;

/** After answering: thanks, and the way back to change the answer. */
export function thanksPage(survey: PublicSurvey, lang: SurveyLanguage): string {
  const t = TEXTS[lang];
  const body = html`<h1>${t.thanks}</h1>
<p class="lead">${t.about(survey.activity, survey.organisationName)}</p>
${t.thanksText.map((p) => html`<p>${p}</p>`)}
<p><a href="/s/${survey.token}?lang=${lang}">${t.change}</a></p>`;
  return layout(lang, `${t.thanks} – ${survey.activity}`, body, (l) => `/s/${survey.token}/thanks?lang=${l}`);
}

/** A closed survey or an unknown link: said in all three languages, the chosen one first. */
export function gonePage(kind: 'closed' | 'unknown', lang: SurveyLanguage): string {
  const order = [lang, ...SURVEY_LANGUAGES.filter((l) => l !== lang)];
  const first = TEXTS[lang][kind];
  const page = TEXTS[lang];
  const body = html`<h1>${first.heading}</h1>
<p>${first.text}</p>
${order.slice(1).map((l) => {
  const t = TEXTS[l];
  return html`<section aria-labelledby="gone-${l}"${t.htmlLang !== page.htmlLang ? new Html(` lang="${t.htmlLang}"`) : ''}>
<h2 id="gone-${l}">${t[kind].heading} <span class="hint">(${t.name})</span></h2>
<p>${t[kind].text}</p>
</section>`;
})}`;
  return layout(lang, first.heading, body);
}
