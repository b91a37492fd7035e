import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { prepareKnowledge } from './scripts/knowledge-build.ts';

export default defineConfig(() => {
  // Validates src/knowledge/entities.json first: a bad entry stops the build right here.
  const knowledge = prepareKnowledge();
  return {
    resolve: { alias: knowledge },
    plugins: [
      crx({
        manifest,
        // One self-contained file: no loader, no chunk exposed in web_accessible_resources.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: false,
    },
  };
});
