import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { mayReadMailbox } from '../mailbox/access.ts';
import { escapeHtml, firstView } from './first-view.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

let cached: { path: string; mtimeMs: number; text: string } | null = null;

/** The built index.html, read again only when a rebuild while the server runs (npm run dev) has changed it. */
async function shellTemplate(path: string): Promise<string> {
  const { mtimeMs } = await stat(path);
  if (cached?.path !== path || cached.mtimeMs !== mtimeMs) cached = { path, mtimeMs, text: await readFile(path, 'utf8') };
  return cached.text;
}

/**
 * The web app's page (dist/web/index.html) for any address the app routes on the client, in the
 * visitor's language (`<html lang>`, which the app then starts in). For someone not signed in, a public
 * page's first view comes in it (first-view.ts), so the page shows before the app has loaded; a signed-in
 * person's pages depend on who they are and are left to the app. Asked for each time (no-cache), as the
 * names of the scripts in it change with each build; compressed here, as its content changes per request.
 */
export async function sendShell(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const template = await shellTemplate(join(ctx.config.webDir, 'index.html'));
  const view = request.user ? null : await firstView(ctx, request.url, request.lang, mayReadMailbox(ctx.config, request.ip));
  let page = template.replace(/<html lang="\w+">/, `<html lang="${request.lang}">`);
  if (view) {
    page = page
      .replace('<title>Samverka</title>', () => `<title>${escapeHtml(view.title)} – Samverka</title>`)
      .replace('<div id="root"></div>', () => `<div id="root" data-first-view>${view.markup}</div>`);
  }
  reply
    .code(view?.status ?? 200)
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding, accept-language, cookie')
    .type('text/html; charset=utf-8');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const body = Buffer.from(page);
  if (/\bbr\b/.test(accepted)) {
    return reply.header('content-encoding', 'br').send(await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  }
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(await gzipped(body));
  return reply.send(body);
}
