import type { Highs, InitOptions } from 'highs';
import untypedLoader from 'highs';

/**
 * The HiGHS loader, typed. At run time the default import is the loader (Node takes highs's ESM
 * build, build/highs.mjs, which finds highs.wasm beside itself through import.meta.url). Its
 * types.d.ts, though, sits in a package without "type": "module", so under NodeNext TypeScript
 * reads its `export default` as CommonJS and types the default import as the module object.
 */
export const loadHighs = untypedLoader as unknown as (options?: InitOptions) => Promise<Highs>;
