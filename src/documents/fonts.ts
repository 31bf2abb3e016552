import { createRequire } from 'node:module';
import { type Font, type Glyph, type GlyphRun, openSync } from 'fontkit';

/**
 * The fonts every PDF is set in. PDF's built-in Helvetica has only Latin-1, so
 * "Çağla", "Łódź" or an Arabic name came out garbled; DejaVu Sans covers Latin
 * Extended, Greek, Cyrillic, Hebrew and Arabic (with the joining forms fontkit
 * shapes), and Noto Emoji (monochrome) fills in what DejaVu lacks, such as 🌙.
 * Both ship as TrueType in npm packages, so nothing is fetched at run time.
 */
export type Face = 'text' | 'emoji';
export type Weight = 'regular' | 'bold';
export type FontKey = `${Face}-${Weight}`;

const FILES: Record<FontKey, string> = {
  'text-regular': 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'text-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'emoji-regular': '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  'emoji-bold': '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
};
export const FONT_KEYS = Object.keys(FILES) as FontKey[];

const require = createRequire(import.meta.url);
const parsed = new Map<FontKey, Font>();

/**
 * The parsed font, read from node_modules once per process. pdfkit accepts a
 * fontkit font object and subsets it per document; handing it a file or a
 * buffer instead would parse it again for every document (measured: some
 * 170 ms a receipt instead of 40).
 */
export function font(key: FontKey): Font {
  let f = parsed.get(key);
  if (!f) {
    const opened = openSync(require.resolve(FILES[key]));
    if (!('layout' in opened)) throw new Error(`${FILES[key]} is a font collection, not a font`);
    f = shareLayouts(key, opened);
    // fontkit keeps one glyph object per glyph id with the characters of whoever asked first, and subsetting asks for the
    // parts of composite glyphs (the Arabic forms) with none; on the shared font a later document then lost those
    // characters from its text layer. So subsets come from a second copy of the font that layouts never see.
    let subsets: Font | undefined;
    f.createSubset = () => {
      subsets ??= openSync(require.resolve(FILES[key])) as Font;
      return subsets.createSubset();
    };
    parsed.set(key, f);
  }
  return f;
}

const runs = new Map<string, GlyphRun>();

/**
 * fontkit's layout of a run (shaping and kerning through GSUB/GPOS, the bulk
 * of the time a document took), kept for the process: pdfkit's own cache
 * lives and dies with one document, and documents repeat their labels and
 * boilerplate. The run is shared; do not change it.
 */
export function layout(key: FontKey, text: string, features?: string[]): GlyphRun {
  const id = `${key}${JSON.stringify(features ?? null)}${text}`;
  let run = runs.get(id);
  if (!run) {
    font(key);
    run = original.get(key)!(text, features);
    // Free text is unbounded; start over rather than grow without limit.
    if (runs.size >= 20_000) runs.clear();
    runs.set(id, run);
  }
  return run;
}

const original = new Map<FontKey, (text: string, features?: string[]) => GlyphRun>();

/** Routes pdfkit's layouts through the shared ones; pdfkit scales the positions of the run it gets in place, so it gets its own copy of them. */
function shareLayouts(key: FontKey, f: Font): Font {
  const own = f.layout.bind(f);
  original.set(key, own);
  f.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || rest.length || (features !== undefined && !Array.isArray(features)))
      return (own as (...a: unknown[]) => GlyphRun)(text, features, ...rest);
    const run = layout(key, text, features);
    const copy: GlyphRun = Object.create(Object.getPrototypeOf(run));
    return Object.assign(copy, run, {
      positions: run.positions.map((p) => ({ ...p })),
      glyphs: run.direction === 'rtl' ? run.glyphs.map(forRightToLeft) : run.glyphs,
    });
  };
  return f;
}

/**
 * pdfkit maps each glyph to the characters it stands for (ToUnicode), and
 * extractors (pdf.js, poppler) read a right-to-left run back by reversing its
 * characters one by one. A glyph for several characters, such as the lam-alef
 * ligature in "علاء", then came back as alef-lam; so in a right-to-left run
 * such a glyph is mapped to its characters in reverse, and the reversal
 * restores them. Arabic ligatures only ever stand in right-to-left runs.
 */
function forRightToLeft(g: Glyph): Glyph {
  if (g.codePoints.length < 2) return g;
  return Object.create(g, { codePoints: { value: g.codePoints.slice().reverse() } });
}

// Characters that select or join rather than draw; a font need not have a glyph for them.
const JOINERS = new Set([0x200c, 0x200d, 0xfe0e, 0xfe0f]);
// An emoji sequence (emoji presentation, skin tone, keycap, flag, ZWJ family) is drawn as an emoji even where DejaVu has a text glyph for its base.
const EMOJI_SEQUENCE = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Emoji_Modifier}|\p{Regional_Indicator}/u;

const covers = (f: Font, grapheme: string) => {
  for (const ch of grapheme) {
    const cp = ch.codePointAt(0)!;
    if (!JOINERS.has(cp) && !f.hasGlyphForCodePoint(cp)) return false;
  }
  return true;
};

const faceCache = new Map<string, Face>();

/** Which face draws one grapheme: DejaVu for text, Noto Emoji for emoji and whatever else DejaVu lacks. */
export function faceFor(grapheme: string): Face {
  const cached = faceCache.get(grapheme);
  if (cached) return cached;
  const text = font('text-regular');
  const emoji = font('emoji-regular');
  let face: Face = 'text';
  if (EMOJI_SEQUENCE.test(grapheme) && emoji.hasGlyphForCodePoint(grapheme.codePointAt(0)!)) face = 'emoji';
  else if (!covers(text, grapheme) && covers(emoji, grapheme)) face = 'emoji';
  // Unbounded input (free text) must not grow the cache without limit.
  if (faceCache.size < 10_000) faceCache.set(grapheme, face);
  return face;
}
