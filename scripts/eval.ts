import { toNameIndex } from '../src/knowledge/name-index';
import type { Category } from '../src/knowledge/schema';
import { compileMatcher } from '../src/match';
import { launchWithExtension } from './browser';
import { CORPUS_DIR, compare, evaluateMatcher, key, loadCorpus, precision, recall, type Tally } from './corpus';
import { readHighlights, waitForScan } from './inspect';
import { loadKnowledge } from './knowledge-load';
import { serveFolder } from './serve';

const entities = loadKnowledge().entities;
const categoryOf = new Map<string, Category>(entities.map((e) => [e.id, e.category]));
const matcher = compileMatcher(toNameIndex(entities));

function report(title: string, tallies: Map<string, Tally>, nonAiFalse: number) {
  console.log(`\n${title}`);
  console.log('category      precision  recall   (tp / fp / fn)');
  const all: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const c of ['company', 'chip', 'regulator', 'product', 'person']) {
    const t = tallies.get(c) ?? { tp: 0, fp: 0, fn: 0 };
    all.tp += t.tp;
    all.fp += t.fp;
    all.fn += t.fn;
    const p = precision(t);
    const r = recall(t);
    console.log(
      `${c.padEnd(13)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)}   (${t.tp} / ${t.fp} / ${t.fn})`,
    );
  }
  const p = precision(all);
  const r = recall(all);
  console.log(
    `${'all'.padEnd(13)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)}   (${all.tp} / ${all.fp} / ${all.fn})`,
  );
  console.log(`false highlights on non-AI pages: ${nonAiFalse}`);
}

async function main() {
  const verbose = process.argv.includes('--verbose');
  // 1. The pure matcher.
  const { tallies: pure, nonAi: pureNonAi } = evaluateMatcher(
    matcher,
    (id) => categoryOf.get(id),
    verbose ? console.log : undefined,
  );
  report('Matcher (pure, text → mentions), by entity', pure, pureNonAi);

  // 2. The content script in Chromium.
  const corpus = loadCorpus();
  const server = await serveFolder(CORPUS_DIR);
  const eb = await launchWithExtension({ dist: 'dist', headless: true });
  const live = new Map<string, Tally>();
  let liveNonAi = 0;
  try {
    for (const { file, label } of corpus) {
      const page = await eb.context.newPage();
      await page.goto(server.url(file));
      await waitForScan(eb.worker, page);
      const highlights = await readHighlights(page);
      await page.close();
      const predicted = Object.entries(highlights)
        .filter(([name]) => name.startsWith('backstory-') && name !== 'backstory-active')
        .flatMap(([name, texts]) => texts.map((t) => key(t, name.slice('backstory-'.length))));
      if (!label.ai) liveNonAi += predicted.length;
      const expected = label.mentions.map((m) => key(m.text, categoryOf.get(m.entity) ?? 'company'));
      const { misses, extras } = compare(predicted, expected, live, (k) => k.split('\u0000')[1] ?? 'company');
      if (verbose && (misses.length || extras.length))
        console.log(`${file} (Chromium)\n  missed: ${misses.join(', ')}\n  extra: ${extras.join(', ')}`);
    }
  } finally {
    await eb.close();
    await server.close();
  }
  report('Content script in Chromium (built extension), by category', live, liveNonAi);
  console.log(
    `\n${corpus.length} pages; targets: precision ≥ 0.98, recall ≥ 0.95 (companies, chips, regulators), 0 on non-AI pages`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
