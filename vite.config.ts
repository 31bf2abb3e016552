import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { SHELL_TEXTS } from './src/web/i18n/shell-texts.ts';

type Texts = { [key: string]: string | Texts };

/**
 * `./sv.json?texts=shell` is the part of a language's catalogue the first page shows (the keys in
 * SHELL_TEXTS), `./sv.json?texts=pages` the rest: the catalogue stays one file to edit and to test,
 * and the first page does not load the texts of every other page.
 */
const TEXTS_PART = /\/i18n\/([\w-]+)\.json\?texts=(shell|pages)$/;

function splitTexts(): Plugin {
  return {
    name: 'samverka-split-texts',
    enforce: 'pre',
    load(id) {
      const part = TEXTS_PART.exec(id)?.[2];
      if (!part) return null;
      const file = id.slice(0, id.indexOf('?'));
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8')) as Texts;
      const shell: Texts = {};
      const pages = structuredClone(all);
      for (const path of SHELL_TEXTS) {
        const keys = path.split('.');
        const last = keys.pop() as string;
        let from: Texts | string | undefined = all;
        let to = shell;
        let rest: Texts | string | undefined = pages;
        for (const key of keys) {
          from = typeof from === 'object' ? from[key] : undefined;
          rest = typeof rest === 'object' ? rest[key] : undefined;
          to[key] ??= {};
          to = to[key] as Texts;
        }
        if (typeof from !== 'object' || from[last] === undefined || typeof rest !== 'object') {
          this.error(`${file} has no text ${path} (listed in src/web/i18n/shell-texts.ts)`);
        }
        to[last] = from[last];
        delete rest[last];
      }
      // JSON.parse of a string is quicker for the browser to read than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part === 'shell' ? shell : pages))});`;
    },
  };
}

/**
 * Writes a brotli and a gzip copy beside every text file of the build, which the server sends to
 * browsers that accept them (@fastify/static's preCompressed): compressed once at build time, at the
 * highest levels, rather than on every request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'samverka-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [splitTexts(), react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // sv-shell-….js, en-pages-….js: which language and which part of its texts, at a glance.
        chunkFileNames: (chunk) => {
          const texts = chunk.moduleIds.map((id) => TEXTS_PART.exec(id)).find((m) => m);
          return texts ? `assets/${texts[1]}-${texts[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
