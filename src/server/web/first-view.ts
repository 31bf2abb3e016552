// The first view of the public pages, written by the server into the HTML it sends, so a phone shows the
// page as soon as the HTML arrives rather than after the whole app has loaded: the start page for someone
// not signed in, the list of calls and a call's page down to its status. It follows the markup of the
// React pages (src/web/components/Layout.tsx, start/StartPage.tsx, calls/PublicCallsPage.tsx and
// PublicCallPage.tsx) with the web app's own texts; the app then renders the page whole in its place.
import i18next, { type TFunction } from 'i18next';
import type { CalendarDate } from '../../domain/deadlines.ts';
import { dateInStockholm, phaseAt, timeLeft } from '../../domain/deadlines.ts';
import { formatKronor, ore } from '../../domain/money.ts';
import { isUuid } from '../../domain/uuid.ts';
import type { Lang } from '../../i18n/messages.ts';
import en from '../../web/i18n/en.json' with { type: 'json' };
import sv from '../../web/i18n/sv.json' with { type: 'json' };
import { publishedCall, publishedCalls } from '../calls/published.ts';
import type { AppContext } from '../context.ts';

/** Markup already escaped; anything else put in `html` is escaped. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const part = (value: Part): string =>
  value instanceof Html ? value.value : Array.isArray(value) ? value.map(part).join('') : value || value === 0 ? escapeHtml(String(value)) : '';

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

const catalogue = i18next.createInstance();
void catalogue.init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: 'sv',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});
const T: Record<Lang, TFunction> = { sv: catalogue.getFixedT('sv'), en: catalogue.getFixedT('en') };

/** The funders write their calls in Swedish: in the English interface, their words are marked as Swedish (src/web/components/Content.tsx). */
function content(lang: Lang, tag: 'p' | 'span' | 'div', text: string, className?: string) {
  return html`<${new Html(tag)}${className ? html` class="${className}"` : ''}${lang === 'sv' ? '' : html` lang="sv"`}>${text}</${new Html(tag)}>`;
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const formatDate = (lang: Lang, date: CalendarDate) => dateFormats[lang].format(new Date(`${date}T12:00:00Z`));

interface View {
  t: TFunction;
  lang: Lang;
}

interface Page {
  status?: number;
  title: string;
  main: Html;
}

function heading(text: Part) {
  return html`<h1 tabindex="-1" class="page-heading">${text}</h1>`;
}

function navLink(path: string, label: string, current: string, end = false) {
  const active = current === path || (!end && current.startsWith(`${path}/`));
  return html`<li><a${active ? html` aria-current="page" class="active"` : ''} href="${path}">${label}</a></li>`;
}

/** The layout for someone not signed in: skip link, header, main menu, the page, footer. */
function layout({ t, lang }: View, path: string, mailbox: boolean, main: Html) {
  const other = lang === 'sv' ? 'en' : 'sv';
  return html`<a class="skip-link" href="#main">${t('layout.skipToContent')}</a>
<header class="site-header"><div class="container header-inner"><a class="brand" href="/">Samverka</a><div class="header-tools"><button type="button" class="link-button language-switch" lang="${other}">${t(`language.switchTo.${other}`)}</button><a class="header-link" href="/sign-in">${t('layout.signIn')}</a></div></div>
<nav class="site-nav" aria-label="${t('layout.mainNavigation')}"><ul class="container nav-list">${[
    navLink('/', t('layout.nav.start'), path, true),
    navLink('/calls', t('layout.nav.calls'), path),
    navLink('/grants', t('grants.nav'), path),
    navLink('/register', t('layout.nav.register'), path),
    mailbox && navLink('/mailbox', t('layout.nav.mailbox'), path),
  ]}</ul></nav></header>
<main id="main" class="container main" tabindex="-1">${main}</main>
<footer class="site-footer"><div class="container"><p>${t('layout.footer')}</p></div></footer>`;
}

function startPage({ t }: View): Page {
  return {
    title: t('start.welcomeTitle'),
    main: html`${heading(t('start.welcomeTitle'))}<p class="lead">${t('start.welcomeLead')}</p><p>${t('start.welcomeApplicants')}</p><p>${t('start.welcomeFunders')}</p>
<ul class="link-list"><li><a class="button" href="/sign-in">${t('start.signIn')}</a></li><li><a href="/register">${t('start.createAccount')}</a></li></ul>
<section class="section" aria-labelledby="public-calls-heading"><h2 id="public-calls-heading">${t('start.callsHeading')}</h2><p>${t('start.callsText')}</p><p><a href="/calls">${t('start.callsLink')}</a></p></section>`,
  };
}

const PHASES = ['open', 'upcoming', 'closed'] as const;

async function callsPage(ctx: AppContext, { t, lang }: View, query: URLSearchParams): Promise<Page> {
  const raw = query.get('phase');
  const phase = PHASES.find((p) => p === raw);
  const filter = phase ?? 'all';
  const calls = await publishedCalls(ctx, phase);
  const now = new Date();
  const filters = (['all', ...PHASES] as const).map(
    (f) =>
      html`<li><a${f === filter ? html` aria-current="page"` : ''} class="filter-link" href="${f === 'all' ? '/calls' : `/calls?phase=${f}`}">${t(`calls.filter.${f}`)}</a></li>`,
  );
  const cards = calls.map((call) => {
    const live = call.opensOn && call.deadline ? phaseAt(call.opensOn, call.deadline, now) : call.phase;
    const fact = (label: string, value: Part) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<li class="card call-card"><h2 class="call-title"><a href="/calls/${call.id}">${content(lang, 'span', call.title)}</a></h2>${content(lang, 'p', call.funderName, 'call-funder')}<p><span class="badge badge-${live}">${t(`calls.phase.${live}`)}</span></p>
<dl class="facts facts-compact">${[
      fact(t('callFields.amount'), formatKronor(ore(call.amount), lang)),
      live === 'upcoming' && call.opensOn && fact(t('callFields.opensOn'), formatDate(lang, call.opensOn)),
      call.deadline &&
        fact(
          t('callFields.deadline'),
          live === 'closed' ? t('calls.deadlinePassed', { date: formatDate(lang, call.deadline) }) : formatDate(lang, call.deadline),
        ),
      call.focusAreas.length > 0 && fact(t('callFields.focusAreas'), content(lang, 'span', call.focusAreas.join(', '))),
    ]}</dl>${call.summary ? content(lang, 'p', call.summary, 'call-summary') : ''}</li>`;
  });
  return {
    title: filter === 'all' ? t('calls.publicTitle') : `${t('calls.publicTitle')}: ${t(`calls.filter.${filter}`)}`,
    main: html`${heading(t('calls.publicTitle'))}<p class="lead">${t('calls.publicIntro')}</p><nav aria-label="${t('calls.filterLabel')}"><ul class="filter-list">${filters}</ul></nav>
<p class="result-count" role="status">${t('calls.count', { count: calls.length })}</p>${
      calls.length ? html`<ul class="card-list call-list">${cards}</ul>` : html`<p>${t(`calls.noneFound.${filter}`)}</p>`
    }`,
  };
}

/** "12 days and 3 hours left", as src/web/calls/format.ts says it. */
function timeLeftText(t: TFunction, left: { days: number; hours: number; minutes: number }) {
  const [first, second] =
    left.days > 0
      ? [t('time.days', { count: left.days }), t('time.hours', { count: left.hours })]
      : [t('time.hours', { count: left.hours }), t('time.minutes', { count: left.minutes })];
  if (left.days > 0 || left.hours > 0) return t('time.left', { first, second });
  return t('time.leftOne', { value: t('time.minutes', { count: left.minutes }) });
}

async function callPage(ctx: AppContext, { t, lang }: View, id: string): Promise<Page> {
  const back = html`<p><a href="/calls">${t('calls.backToList')}</a></p>`;
  const call = isUuid(id) ? await publishedCall(ctx, id) : null;
  if (!call) {
    // The same words as the React page (PublicCallPage's NoSuchCall), and a 404 for the address.
    return {
      status: 404,
      title: t('calls.callTitle'),
      main: html`${heading(t('calls.callTitle'))}${back}<div class="notice notice-error" role="alert"><p>${t(isUuid(id) ? 'calls.noSuchCall' : 'calls.badAddress')}</p><p><a href="/calls">${t('calls.seeAllCalls')}</a></p></div>`,
    };
  }
  const now = new Date();
  const live = call.opensOn && call.deadline ? phaseAt(call.opensOn, call.deadline, now) : call.phase;
  const deadlineAt = (deadline: CalendarDate) => t('calls.deadlineAt', { date: formatDate(lang, deadline) });
  let status: Html | '' = '';
  if (call.deadline && live === 'closed') {
    status = html`<div class="notice notice-closed call-status"><p><strong>${t('calls.closedOn', { date: formatDate(lang, call.deadline) })}</strong></p><p>${t('calls.closedMore')}</p></div>`;
  } else if (call.deadline && live === 'upcoming' && call.opensOn) {
    status = html`<div class="notice call-status"><p><strong>${t('calls.opensOnLong', { date: formatDate(lang, call.opensOn) })}</strong></p><p>${deadlineAt(call.deadline)}</p></div>`;
  } else if (call.deadline && live === 'open') {
    status = html`<div class="notice notice-open call-status"><p><strong>${t('calls.openNow')}</strong></p><p>${deadlineAt(call.deadline)}</p><p class="time-left">${timeLeftText(t, timeLeft(call.deadline, now))}</p></div>`;
  }
  const last = call.amendments.at(-1);
  return {
    title: call.title,
    main: html`${heading(content(lang, 'span', call.title))}${back}${content(lang, 'p', call.summary, 'lead')}${status}${
      call.phase === 'open' ? html`<p><a class="button" href="/calls/${call.id}/apply">${t('apply.cta')}</a></p>` : ''
    }${
      last
        ? html`<div class="notice"><p>${t('calls.amendedNotice', { count: call.amendments.length, date: formatDate(lang, dateInStockholm(new Date(last.at))) })} <a href="#amendments-heading">${t('calls.seeAmendments')}</a></p></div>`
        : ''
    }`,
  };
}

export interface FirstView {
  status: number;
  /** The page's title, before " – Samverka". */
  title: string;
  /** What goes inside the app's root element. */
  markup: string;
}

/** The first view of a public page at `path`, or null for a page that has none. */
export async function firstView(ctx: AppContext, url: string, lang: Lang, mailbox: boolean): Promise<FirstView | null> {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  const view = { t: T[lang], lang };
  const call = /^\/calls\/([^/]+)$/.exec(pathname);
  const page =
    pathname === '/' ? startPage(view) : pathname === '/calls' ? await callsPage(ctx, view, searchParams) : call ? await callPage(ctx, view, call[1]) : null;
  if (!page) return null;
  return { status: page.status ?? 200, title: page.title, markup: layout(view, pathname, mailbox, page.main).value };
}
