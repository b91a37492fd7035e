import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShadow, openPopup, pointOfText, readCard, startSuite, until, waitForCard } from './harness';

/**
 * The reader's view of the story around an article: the card split at the article's date, and
 * the popup's Backstory timeline with the article's own row. dated-article.html says (JSON-LD
 * `datePublished`) it was published on 27 March 2024; undated-article.html is the same page
 * without that script.
 */

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

type Popup = Awaited<ReturnType<typeof openPopup>>;

/** Screenshots go to artifacts/ (git-ignored). */
const SHOTS = 'artifacts/backstory-shots';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Nov 2024" → 202411, as comparable numbers; the article's month is 202403. */
const month = (label: string): number => {
  // A fact dated by its year alone ("Founded in 2021") sorts at the start of that year.
  const year = /^(\d{4})$/.exec(label.trim());
  if (year) return Number(year[1]) * 100;
  const m = /^([A-Z][a-z]{2}) (\d{4})$/.exec(label.trim());
  if (!m || !MONTHS.includes(m[1] as string)) throw new Error(`not a "Mon YYYY" date: ${label}`);
  return Number(m[2]) * 100 + MONTHS.indexOf(m[1] as string) + 1;
};
const ARTICLE_MONTH = 202403;

/** Opens `path`, waits until Backstory has settled on it, and hovers the first "Anthropic" until its card shows. */
async function anthropicCard(path: string): Promise<Page> {
  const page = await suite.open(path);
  await suite.settled(page);
  const p = await pointOfText(page, 'Anthropic', 0);
  await page.mouse.move(p.x, p.y);
  await waitForCard(page, 'anthropic');
  return page;
}

/** The card's parts: each section's heading and the dates and texts of its facts. */
const cardParts = (page: Page) =>
  inShadow(page, (root) =>
    [...root.querySelectorAll('.card section')].map((s) => ({
      label: s.getAttribute('aria-label'),
      heading: s.querySelector('h3')?.textContent ?? null,
      since: s.classList.contains('since'),
      facts: [...s.querySelectorAll('.facts li')].map((li) => ({
        date: li.querySelector('.date')?.textContent ?? '',
        text: li.textContent ?? '',
      })),
    })),
  );

/** Opens the popup on `page` and switches it to the Backstory tab (by a click, as a mouse reader would). */
async function storyPopup(page: Page): Promise<Popup> {
  await page.bringToFront();
  const popup = await openPopup(suite.eb);
  await popup.evaluate(`document.querySelector('#tab-story').click()`);
  await until(
    () => popup.evaluate<boolean>(`!!document.querySelector('#panel-story .story')`),
    (shown) => shown,
    5000,
    'the Backstory tab',
  );
  return popup;
}

/** Each timeline of the Backstory tab, as its rows: the article's own row, or a fact with its date. */
const timelines = (popup: Popup) =>
  popup.evaluate<{ article: boolean; after: boolean; date: string; text: string; links: string[] }[][]>(`
    [...document.querySelectorAll('#panel-story ol.timeline')].map((ol) =>
      [...ol.children].map((li) => ({
        article: li.classList.contains('article-row'),
        after: li.classList.contains('after'),
        date: li.querySelector('.date')?.textContent ?? '',
        text: li.textContent,
        links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href') + ' ' + a.target + ' ' + a.rel),
      })),
    )`);

/** A key pressed in the popup through CDP, as the keyboard would (focus moves, buttons and tabs react). */
async function press(popup: Popup, key: 'Tab' | 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'Enter') {
  const codes = { Tab: 9, Enter: 13, ArrowLeft: 37, ArrowRight: 39, ArrowDown: 40 } as const;
  const base = { key, code: key, windowsVirtualKeyCode: codes[key], nativeVirtualKeyCode: codes[key] };
  await popup.send('Input.dispatchKeyEvent', {
    type: key === 'Enter' ? 'keyDown' : 'rawKeyDown',
    ...base,
    ...(key === 'Enter' ? { text: '\r', unmodifiedText: '\r' } : {}),
  });
  await popup.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

/** The focused element of the popup, as `tag#id.class`. */
const focused = (popup: Popup) =>
  popup.evaluate<string>(
    `(() => { const e = document.activeElement; return e ? e.localName + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') : ''; })()`,
  );

describe('the story around a dated article', () => {
  it('splits the card at the article date: facts up to 27 Mar 2024 first, then a marked "Since this article" part', async () => {
    const page = await anthropicCard('dated-article.html');
    const parts = (await cardParts(page)) ?? [];
    expect(parts.map((p) => p.heading)).toEqual(['Before this article', 'Since this article (27 Mar 2024)']);
    const [before, since] = parts;
    if (!before || !since) throw new Error('the card has no before/since parts');
    // Clearly marked: its own section, named for screen readers, with a visible heading.
    expect(since).toMatchObject({ since: true, label: 'Since this article (27 Mar 2024)' });
    expect(before.facts.length).toBeGreaterThan(0);
    expect(since.facts.length).toBeGreaterThan(0);
    for (const f of before.facts) expect(month(f.date), f.text).toBeLessThanOrEqual(ARTICLE_MONTH);
    for (const f of since.facts) expect(month(f.date), f.text).toBeGreaterThanOrEqual(ARTICLE_MONTH);
    // Anthropic's own latest news (src/knowledge/company/anthropic.yaml): the June 2026 IPO filing.
    const later = since.facts.find((f) => f.text.includes('confidentially submitted a draft registration statement'));
    expect(later?.date).toBe('Jun 2026');
    // The founding is dated as its source dates it, by the year alone: no month nobody said.
    expect(before.facts.find((f) => f.text.includes('Founded in 2021'))?.date).toBe('2021');
    // In the card's text, as read: the founding (2021), then the heading, then the later fact.
    const text = (await readCard(page))?.text ?? '';
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at('Before this article')).toBeLessThan(at('2021 Founded in 2021'));
    expect(at('2021 Founded in 2021')).toBeLessThan(at('Since this article (27 Mar 2024)'));
    expect(at('Since this article (27 Mar 2024)')).toBeLessThan(
      at('confidentially submitted a draft registration statement'),
    );
    await page.close();
  });

  it('shows no "Since this article" part, in the card or the popup, when the page does not say its date', async () => {
    // The same waits as on the dated page, where the test above sees the part.
    const page = await anthropicCard('undated-article.html');
    const parts = (await cardParts(page)) ?? [];
    expect(parts).toEqual([]);
    const card = await readCard(page);
    expect(card?.text).not.toContain('Since this article');
    expect(card?.text).not.toContain('Before this article');
    expect(await inShadow(page, (root) => root.querySelectorAll('.card .facts li').length)).toBeGreaterThan(0);
    expect(await suite.settled(page)).not.toHaveProperty('articleDate');
    const popup = await storyPopup(page);
    expect(await popup.evaluate<string>(`document.querySelector('.article-date').textContent`)).toBe(
      'The page does not say when it was published.',
    );
    expect(await popup.evaluate<number>(`document.querySelectorAll('.article-row, .timeline li.after').length`)).toBe(
      0,
    );
    popup.close();
    await page.close();
  });

  it('lists the backstory in date order in the popup, with the article row between earlier and later rows and https sources', async () => {
    const page = await suite.open('dated-article.html');
    await suite.settled(page);
    const popup = await storyPopup(page);
    expect(await popup.evaluate<string>(`document.querySelector('.article-date').textContent`)).toBe(
      'This article — 27 Mar 2024',
    );
    // First the facts that tie two or more names of the page, then each name's own.
    expect(
      await popup.evaluate<string[]>(
        `[...document.querySelectorAll('#panel-story .group > h2')].map((h) => h.textContent)`,
      ),
    ).toEqual(['Between names on this page', 'Each name’s story', 'Who is tied to whom', 'Connections on this page']);
    // Every row of the first list ties two or more names.
    expect(
      await popup.evaluate<boolean>(
        `[...document.querySelectorAll('#panel-story ol.timeline')][0].querySelectorAll('li:not(.article-row) .who').length > 0 && [...[...document.querySelectorAll('#panel-story ol.timeline')][0].querySelectorAll('li:not(.article-row) .who')].every((w) => w.textContent.includes(' · '))`,
      ),
    ).toBe(true);
    const lists = await timelines(popup);
    expect(lists.length).toBeGreaterThan(0);
    for (const rows of lists) {
      const mark = rows.findIndex((r) => r.article);
      expect(rows.filter((r) => r.article).map((r) => r.text)).toEqual(['This article — 27 Mar 2024']);
      const facts = rows.filter((r) => !r.article);
      const months = facts.map((r) => month(r.date));
      expect(months).toEqual([...months].sort((a, b) => a - b));
      const earlier = rows.slice(0, mark);
      const later = rows.slice(mark + 1);
      expect(earlier.length).toBeGreaterThan(0);
      expect(later.length).toBeGreaterThan(0);
      for (const r of earlier) {
        expect(month(r.date), r.text).toBeLessThanOrEqual(ARTICLE_MONTH);
        expect(r.after).toBe(false);
      }
      for (const r of later) {
        expect(month(r.date), r.text).toBeGreaterThanOrEqual(ARTICLE_MONTH);
        expect(r.after).toBe(true);
      }
    }
    // The first timeline is the facts between the page's names: the Nov 2024 investment sits after the article.
    const between = lists[0] ?? [];
    const mark = between.findIndex((r) => r.article);
    const nov = between.findIndex((r) => r.text.includes('Put a further $4 billion into Anthropic'));
    expect(between[nov]?.date).toBe('Nov 2024');
    expect(nov).toBeGreaterThan(mark);
    // Sources: every link is https and opens apart from the popup.
    const links = lists.flat().flatMap((r) => r.links);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^https:\/\/\S+ _blank noopener noreferrer$/);
    popup.close();
    await page.close();
  });
  it('works from the keyboard: Tab reaches the tabs, the arrow keys switch to Backstory, its filter and sources are reachable', async () => {
    const page = await suite.open('dated-article.html');
    await suite.settled(page);
    await page.bringToFront();
    const popup = await openPopup(suite.eb);
    await popup.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    await popup.evaluate(`(document.activeElement instanceof HTMLElement) && document.activeElement.blur()`);
    // Tab from the top: the tab list is one stop, at the selected tab ("On this page").
    const stops: string[] = [];
    for (let i = 0; i < 12 && !stops.at(-1)?.startsWith('button#tab-page'); i++) {
      await press(popup, 'Tab');
      stops.push(await focused(popup));
    }
    expect(stops.at(-1)).toBe('button#tab-page');
    expect(stops.some((s) => s.includes('#tab-story'))).toBe(false);
    // The right arrow moves to Backstory and shows it; the left arrow goes back; and right again.
    await press(popup, 'ArrowRight');
    expect(await focused(popup)).toBe('button#tab-story');
    const selected = () =>
      popup.evaluate<string>(
        `document.querySelector('[role=tab][aria-selected=true]').id + ' ' + document.querySelector('[role=tabpanel]').id`,
      );
    expect(await selected()).toBe('tab-story panel-story');
    expect(
      await popup.evaluate<number>(`document.querySelectorAll('#panel-story .article-row').length`),
    ).toBeGreaterThan(0);
    await press(popup, 'ArrowLeft');
    expect(await focused(popup)).toBe('button#tab-page');
    expect(await selected()).toBe('tab-page panel-page');
    await press(popup, 'ArrowRight');
    expect(await selected()).toBe('tab-story panel-story');
    // Enter on the selected tab keeps it.
    await press(popup, 'Enter');
    expect(await selected()).toBe('tab-story panel-story');
    // Tab enters the panel: the filter by name, which the arrow keys change.
    await press(popup, 'Tab');
    expect(await focused(popup)).toBe('select');
    await press(popup, 'ArrowDown');
    const only = await popup.evaluate<string>(`document.querySelector('.filter select').value`);
    expect(only).not.toBe('');
    const name = await popup.evaluate<string>(
      `document.querySelector('.filter select').selectedOptions[0].textContent`,
    );
    const whos = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('#panel-story .timeline li:not(.article-row) .who')].map((w) => w.textContent)`,
    );
    expect(whos.length).toBeGreaterThan(0);
    for (const w of whos) expect(w.split(' · ')).toContain(name);
    // The next stop is a source link of the timeline.
    await press(popup, 'Tab');
    expect(
      await popup.evaluate<string>(`document.activeElement.closest('.timeline') ? document.activeElement.href : ''`),
    ).toMatch(/^https:\/\//);
    popup.close();
    await page.close();
  });

  it('reads well at 360 px, light and dark (screenshots in artifacts/backstory-shots)', async () => {
    const page = await suite.open('dated-article.html');
    await suite.settled(page);
    const popup = await storyPopup(page);
    mkdirSync(SHOTS, { recursive: true });
    // The popup is as wide as its content: 360 px (its window adds the scrollbar).
    expect(await popup.evaluate<number>(`document.querySelector('main').getBoundingClientRect().width`)).toBe(360);
    const looks: Record<string, { bg: string; overflow: number; ratio: number; row: { left: number; right: number } }> =
      {};
    for (const scheme of ['light', 'dark'] as const) {
      await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
      await popup.evaluate(`window.scrollTo(0, 0)`);
      writeFileSync(join(SHOTS, `story-${scheme}-top.png`), await popup.screenshot());
      looks[scheme] = await popup.evaluate(`(() => {
        const row = document.querySelector('#panel-story .article-row');
        row.scrollIntoView({ block: 'center' });
        const rgb = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
        const lum = (c) => {
          const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const bg = getComputedStyle(document.body).backgroundColor;
        const [a, b] = [lum(getComputedStyle(row).color), lum(bg)].sort((x, y) => y - x);
        const box = row.getBoundingClientRect();
        return {
          bg,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ratio: (a + 0.05) / (b + 0.05),
          row: { left: box.left, right: box.right },
        };
      })()`);
      writeFileSync(join(SHOTS, `story-${scheme}-article.png`), await popup.screenshot());
    }
    const { light, dark } = looks;
    expect(light?.bg).not.toBe(dark?.bg);
    for (const look of [light, dark]) {
      // Nothing runs off the side, and the article row is inside the width and readable (WCAG AA).
      expect(look?.overflow).toBe(0);
      expect(look?.row.left).toBeGreaterThanOrEqual(0);
      expect(look?.row.right).toBeLessThanOrEqual(360);
      expect(look?.ratio).toBeGreaterThanOrEqual(4.5);
    }
    popup.close();
    await page.close();
  });
});
