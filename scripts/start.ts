// npm start: opens Chromium with the built extension on the demo article. Without a display
// (or with CI set) it runs headless, prints what Backstory found by category, saves
// screenshots of the card and the popup under artifacts/, and exits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORIES } from '../src/knowledge/categories';
import { launchWithExtension } from './browser';
import { pointOfText, readCard, readHighlights, waitForCard, waitForHighlights, waitForScan } from './inspect';
import { openPopup } from './popup';
import { serveFolder } from './serve';

const headless = !process.env.DISPLAY || Boolean(process.env.CI) || process.argv.includes('--headless');
const out = resolve('artifacts');
mkdirSync(out, { recursive: true });

const server = await serveFolder('tests/fixtures/pages');
const eb = await launchWithExtension({ dist: 'dist', headless });
try {
  const page = eb.context.pages()[0] ?? (await eb.context.newPage());
  await page.setViewportSize({ width: 1200, height: 860 }).catch(() => undefined);
  const url = server.url('demo-article.html');
  await page.goto(url);
  await waitForHighlights(page);
  await waitForScan(eb.worker, page);
  const highlights = await readHighlights(page);
  console.log(`\nBackstory on ${url}\n`);
  let total = 0;
  for (const category of CATEGORIES) {
    const texts = highlights[`backstory-${category}`] ?? [];
    if (texts.length === 0) continue;
    total += texts.length;
    const counts = new Map<string, number>();
    for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
    const list = [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ×${n}`);
    console.log(`  ${category.padEnd(10)} ${texts.length} mentions: ${list.join(', ')}`);
  }
  console.log(`  ${'total'.padEnd(10)} ${total} mentions\n`);

  const point = await pointOfText(page, 'Anthropic', 1);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, 'anthropic');
  const card = await readCard(page);
  console.log(`Card on hover over "Anthropic":\n  ${card?.text.slice(0, 240)}…\n`);
  await page.screenshot({ path: `${out}/demo-card.png` });

  const popup = await openPopup(eb);
  writeFileSync(`${out}/demo-popup.png`, await popup.screenshot());
  const rows = await popup.evaluate<string[]>("[...document.querySelectorAll('.row')].map(r => r.textContent)");
  console.log(`Popup lists ${rows.length} entities. Screenshots: artifacts/demo-card.png, artifacts/demo-popup.png`);
  popup.close();

  if (!headless) {
    console.log('\nChromium stays open: close its window (or press Ctrl+C) to end.');
    await new Promise((r) => eb.browser.on('disconnected', r));
  }
} finally {
  await eb.close();
  await server.close();
}
