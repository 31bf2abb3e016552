/** Money is integer öre (1 kr = 100 öre), never a float. */
export type Ore = number & { readonly __brand: 'öre' };

export const MAX_ORE = Number.MAX_SAFE_INTEGER;

export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of öre: ${value}`);
  return value as Ore;
}

export const kronor = (kr: number): Ore => ore(Math.round(kr * 100));

/** Whether a value of unknown type (a message parameter, a field of untyped input) is whole öre. */
export const isOre = (value: unknown): value is Ore => typeof value === 'number' && Number.isSafeInteger(value);

/*
 * Arithmetic on amounts. `+` and `-` on two Ore give a plain number (the brand does not survive
 * them), so sums and differences go through these, which check the result is still whole öre.
 */
export const ZERO_ORE = ore(0);
export const addOre = (a: Ore, b: Ore): Ore => ore(a + b);
/** a − b; negative when b is the larger. */
export const subtractOre = (a: Ore, b: Ore): Ore => ore(a - b);
export function sumOre(values: Iterable<Ore>): Ore {
  let sum = 0;
  for (const v of values) sum += v;
  return ore(sum);
}
export const minOre = (...values: Ore[]): Ore => ore(Math.min(...values));
export const maxOre = (...values: Ore[]): Ore => ore(Math.max(...values));

/** Parses what people type: "3 000 000", "3000000 kr", "12 500,50". Null when it is not an amount. */
export function parseKronor(input: string): Ore | null {
  const s = input.replace(/\s|\u00a0|kr|SEK/gi, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return Number.isSafeInteger(value) ? (value as Ore) : null;
}

// Building an Intl formatter is costly; amounts are formatted on hot paths (mails, exports, messages).
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: 'sv' | 'en', whole: boolean): Intl.NumberFormat {
  const key = `${lang}:${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f;
}

/** "3 000 000 kr" in Swedish, "SEK 3,000,000" in English; öre shown only when there are any. */
export function formatKronor(amount: Ore, lang: 'sv' | 'en' = 'sv'): string {
  const n = formatter(lang, amount % 100 === 0).format(amount / 100);
  return lang === 'sv' ? `${n} kr` : `SEK ${n}`;
}

/**
 * An amount as the decimal string files for machines want (ISO 20022 `InstdAmt`, SIE 4 `#TRANS`,
 * 360Giving `amountAwarded`): kronor with a point and exactly two decimals, no grouping, a minus
 * sign for a negative amount: 123456 öre → "1234.56", -5 → "-0.05". Exact for every safe integer.
 */
export function decimalKronor(amount: Ore): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of öre: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Splits a whole into parts in proportion to weights, exact to the öre:
 * each part gets its floor, and the öre left over go to the largest remainders.
 */
export function splitLargestRemainder(total: Ore, weights: readonly number[]): Ore[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be whole öre ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0 || weights.some((w) => w < 0)) throw new RangeError('weights must be ≥ 0 with a positive sum');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length].i] += 1;
  return parts.map(ore);
}
