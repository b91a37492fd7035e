import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contrast,
  inShadow,
  openPopup,
  readCard,
  startSuite,
  waitForCard,
  waitForHighlights,
  waitForNoCard,
} from './harness';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'artifacts/e2e';
mkdirSync(SHOTS, { recursive: true });

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The line boxes of the first occurrence of `text` inside element `#id`. */
const lineRects = (page: Page, id: string, text: string) =>
  page.evaluate(
    ([elId, needle]) => {
      const walker = document.createTreeWalker(document.getElementById(elId) as HTMLElement, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode() as Text;
      while (!node.data.includes(needle)) node = walker.nextNode() as Text;
      const i = node.data.indexOf(needle);
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + needle.length);
      return [...r.getClientRects()].map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }));
    },
    [id, text] as const,
  );

/** Colours of the card's text, muted text, badge and links, against its background. */
const cardColours = async (page: Page) =>
  (await inShadow(page, (root) => {
    const card = root.querySelector('.card') as HTMLElement;
    const pick = (sel: string) => {
      const el = root.querySelector(sel);
      return el ? getComputedStyle(el).color : null;
    };
    return {
      bg: getComputedStyle(card).backgroundColor,
      text: getComputedStyle(card).color,
      muted: pick('.when'),
      badge: pick('.badge'),
      link: pick('a'),
      close: pick('.close'),
    };
  })) as {
    bg: string;
    text: string;
    muted: string | null;
    badge: string | null;
    link: string | null;
    close: string | null;
  };

/**
 * axe cannot see into a closed shadow root: it checks a copy of the card's markup and styles,
 * put into an open shadow root on the same page, then removed.
 */
async function axeOnCard(page: Page): Promise<string[]> {
  const html = await inShadow(page, (root) => root.innerHTML);
  if (!html) throw new Error('no card to check');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (markup) => {
    const copy = document.createElement('div');
    copy.id = 'axe-copy';
    copy.attachShadow({ mode: 'open' }).innerHTML = markup;
    document.body.append(copy);
    const axe = (window as unknown as { axe: { run(ctx: object): Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run({ include: [['#axe-copy']] });
    copy.remove();
    return result.violations.map((v) => v.id);
  }, html);
}

describe('the card', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`is readable in ${scheme} mode (WCAG AA contrast) and has no axe violations`, async () => {
      const page = await suite.open('demo-article.html');
      await page.emulateMedia({ colorScheme: scheme });
      await waitForHighlights(page);
      const [line] = await lineRects(page, 'deal', 'Anthropic');
      if (!line) throw new Error('no mention');
      await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2);
      await waitForCard(page, 'anthropic');
      await page.screenshot({ path: `${SHOTS}/card-${scheme}.png` });
      // A card taller than the room on either side of the line still stays on screen.
      const box = (await readCard(page))?.box;
      expect(box && box.y >= 0 && box.y + box.height <= (page.viewportSize()?.height ?? 0)).toBe(true);
      const c = await cardColours(page);
      expect(c.bg).toMatch(scheme === 'dark' ? /rgb\((2\d|3\d), / : /rgb\(255, 255, 255\)/);
      for (const fg of [c.text, c.muted, c.badge, c.link, c.close]) {
        expect(contrast(fg ?? '', c.bg)).toBeGreaterThanOrEqual(4.5);
      }
      expect(await axeOnCard(page)).toEqual([]);
      await page.close();
    });
  }

  it('stays inside the viewport and off the hovered line near every edge', async () => {
    const page = await suite.open('edges.html');
    await waitForHighlights(page);
    const cases = [
      ['tl', 'Nvidia', 'nvidia'],
      ['tr', 'Trainium', 'trainium'],
      ['bl', 'Inferentia', 'inferentia'],
      ['br', 'Anthropic', 'anthropic'],
    ] as const;
    const viewport = page.viewportSize() ?? { width: 1200, height: 860 };
    for (const [id, text, entity] of cases) {
      const [line] = await lineRects(page, id, text);
      if (!line) throw new Error(`no ${text}`);
      await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2);
      await waitForCard(page, entity);
      const card = await readCard(page);
      if (!card) throw new Error('no card');
      expect(card.box.x).toBeGreaterThanOrEqual(0);
      expect(card.box.y).toBeGreaterThanOrEqual(0);
      expect(card.box.x + card.box.width).toBeLessThanOrEqual(viewport.width);
      expect(card.box.y + card.box.height).toBeLessThanOrEqual(viewport.height);
      expect(overlaps(card.box, line)).toBe(false);
      // Nothing inside is wider than the card (no sideways scrollbar).
      const overflow = await inShadow(page, (root) => {
        const el = root.querySelector('.card') as HTMLElement;
        return el.scrollWidth - el.clientWidth;
      });
      expect(overflow).toBe(0);
      await page.screenshot({ path: `${SHOTS}/card-edge-${id}.png` });
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
      await page.mouse.move(600, 150);
    }
    await page.close();
  });

  it('sits next to the line that was hovered when a mention wraps', async () => {
    const page = await suite.open('edges.html');
    await waitForHighlights(page);
    const rects = await lineRects(page, 'wrap', 'UK Competition and Markets Authority');
    expect(rects.length).toBeGreaterThan(1);
    const last = rects.at(-1) as Box;
    await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2);
    await waitForCard(page, 'uk-cma');
    const card = await readCard(page);
    if (!card) throw new Error('no card');
    for (const r of rects) expect(overlaps(card.box, r)).toBe(false);
    // Below the hovered (last) line, not below the first one.
    expect(card.box.y).toBeGreaterThanOrEqual(last.y + last.height);
    expect(card.box.y - (last.y + last.height)).toBeLessThan(20);
    await page.close();
  });

  it('is reachable from the popup, and the popup has no axe violations in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await suite.open('demo-article.html');
      await waitForHighlights(page);
      await page.bringToFront();
      const popup = await openPopup(suite.eb);
      await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
      await popup.evaluate(axeSource);
      const violations = await popup.evaluate<string[]>(
        'axe.run(document).then((r) => r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target).join(" ")))',
      );
      expect(violations).toEqual([]);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${SHOTS}/popup-${scheme}.png`, await popup.screenshot());
      popup.close();
      await page.close();
    }
  });
});
