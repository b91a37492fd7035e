// Modules that vite.config.ts and vitest.config.ts alias to the checked knowledge files
// (see scripts/knowledge-build.ts): the content script imports only the category letters.
declare module 'backstory:name-index' {
  const names: import('../match/matcher').CompiledNames;
  export default names;
}
declare module 'backstory:name-lines' {
  /** The alias table's lines for names written without Chinese, Japanese or Korean (matcher.ts). */
  const lines: string;
  export default lines;
}
declare module 'backstory:name-index-unspaced' {
  /** The alias table's lines for names with a Chinese, Japanese or Korean letter (matcher.ts). */
  const lines: string;
  export default lines;
}
declare module 'backstory:knowledge' {
  /** When the knowledge was last brought up to date, and how many entities it holds. */
  export const about: { asOf: string; entities: number };
  const entities: import('./schema').Entity[];
  export default entities;
}
