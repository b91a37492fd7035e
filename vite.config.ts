import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefox-manifest.ts';
import { prepareKnowledgeOrExit } from './scripts/knowledge-build.ts';

export default defineConfig(() => {
  // Checks src/knowledge/ first: mistakes stop the build right here, listed in plain words (both targets).
  const knowledge = prepareKnowledgeOrExit();
  // `BACKSTORY_TARGET=firefox` (npm run build:firefox) builds the same sources for Firefox into dist-firefox/.
  const firefox = process.env.BACKSTORY_TARGET === 'firefox';
  return {
    resolve: { alias: knowledge },
    // The content script's highlight rules differ by engine (src/content/highlight-style.ts).
    define: { 'import.meta.env.BACKSTORY_FIREFOX': JSON.stringify(firefox) },
    plugins: [
      crx({
        manifest: firefox ? firefoxManifest(manifest) : manifest,
        ...(firefox ? { browser: 'firefox' as const } : {}),
        // One self-contained file: no loader, no chunk exposed in web_accessible_resources.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: firefox ? 'firefox140' : 'chrome120',
      sourcemap: false,
      // BENCH_DEBUG=1 npm run bench reads function names in profiles from an unminified build.
      minify: process.env.BACKSTORY_MINIFY !== '0',
    },
  };
});
