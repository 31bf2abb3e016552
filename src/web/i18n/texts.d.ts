// A language's texts in two parts, cut from its catalogue at build time (see vite.config.ts).
declare module '*.json?texts=shell' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module '*.json?texts=pages' {
  const texts: Record<string, unknown>;
  export default texts;
}
