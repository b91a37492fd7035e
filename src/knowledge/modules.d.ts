// Modules that vite.config.ts and vitest.config.ts alias to the validated knowledge file
// (see scripts/knowledge-build.ts): the content script imports only the names.
declare module 'backstory:name-index' {
  const names: import('./name-index').CompiledNames;
  export default names;
}
declare module 'backstory:knowledge' {
  const entities: import('./schema').Entity[];
  export default entities;
}
