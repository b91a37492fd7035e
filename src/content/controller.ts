import type { PageState } from '../lib/messages';
import { createSerial } from '../lib/serial';
import type { Settings } from '../lib/settings';
import type { Matcher } from '../match';
import { findArticleDate } from './article-date';
import { type CardHost, createCardHost } from './card-host';
import { createCardSession, createDetailsCache, type PageFacts } from './card-session';
import { healPaint } from './heal';
import { createHighlightStyle } from './highlight-style';
import { caretAt, rangeContains, watchPointer, watchTaps } from './hover';
import { createIntent, type Intent } from './intent';
import { installKeys } from './keys';
import { type Change, mergeChanges, observePage } from './observe';
import { createPageIndex, type Diff, type PageIndex } from './page-index';
import { schemeAt } from './page-scheme';
import { createPainter } from './paint';
import { createPaintWindow, firstPerEntity } from './paint-window';
import { createReporter } from './report';
import { sliceTimer, whenIdle } from './slice';

/** The names Backstory knows: the matcher, which also tells each entity's name and category. */
export type Knowledge = { matcher: Matcher };

/**
 * Backstory on one page: scanning, painting, hover, keys and the card while it runs; nothing
 * while it does not. Each run's listeners and observers hang on one AbortSignal.
 */
export function createController(hostname: string, initial: Knowledge, initialSettings: Settings) {
  let knowledge = initial;
  let settings = initialSettings;
  let siteOn = true;
  let forced = false;
  /** Scans finished since the script started, and whether work is queued: tests and tools wait on these. */
  let scans = 0;
  let queued = 0;
  const painter = createPainter();
  const highlightStyle = createHighlightStyle();
  const details = createDetailsCache();
  /** The current run: its lifetime, index, paint window, card and hover intent. */
  let run: {
    abort: AbortController;
    index: PageIndex;
    window: ReturnType<typeof createPaintWindow>;
    card: CardHost;
    intent: Intent;
  } | null = null;
  const serial = createSerial();
  let pending: Change | null = null;
  let pointer: { x: number; y: number } | undefined;

  const placed = () => run?.index.placed() ?? [];
  /** Mentions the keyboard steps through: what is painted. */
  const steppable = () => (settings.mentions === 'first' ? firstPerEntity(placed()) : placed());
  /** What the page says of itself: when the article was published (set by the date finder). */
  let pageFacts: PageFacts = {};
  const session = createCardSession({
    painter,
    details,
    matcher: () => knowledge.matcher,
    steppable,
    placed,
    run: () => run,
    page: () => pageFacts,
  });

  /** The mention under a point, as an index into what the reader steps through; -1 for none. */
  const mentionAt = (index: PageIndex, x: number, y: number): number => {
    const caret = caretAt(x, y);
    const p = caret ? index.at(caret.node, caret.offset) : undefined;
    return p && rangeContains(p.range, x, y) ? steppable().indexOf(p) : -1;
  };

  /** The name each entity is most often written as on the page (when no alias is known, none). */
  const writtenAs = (): Map<string, string> => {
    const tally = new Map<string, Map<string, number>>();
    for (const p of placed()) {
      if (!p.alias) continue;
      const forms = tally.get(p.entityId) ?? new Map<string, number>();
      forms.set(p.alias, (forms.get(p.alias) ?? 0) + 1);
      tally.set(p.entityId, forms);
    }
    const out = new Map<string, string>();
    for (const [id, forms] of tally) out.set(id, [...forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
    return out;
  };

  /**
   * Where the page stands. The badge needs only the count of entities: the names as the page
   * writes them (a tally of every mention, 20,000 on a big page) are for the popup alone.
   */
  function state(forBadge = false): PageState {
    const counts = run?.index.counts() ?? [];
    const written = counts.length > 0 && !forBadge ? writtenAs() : new Map<string, string>();
    const entities = counts.map(([id, count]) => {
      const e = knowledge.matcher.entity(id);
      const as = written.get(id);
      // Names of bundled entities are the popup's to fill in (the script ships none).
      return {
        id,
        count,
        name: e?.name ?? id,
        category: e?.category ?? ('company' as const),
        ...(as ? { written: as } : {}),
      };
    });
    return {
      hostname,
      url: location.href,
      enabled: siteOn,
      running: run !== null,
      relevant: run?.index.verdict().relevant ?? false,
      forced,
      entities,
      total: counts.reduce((sum, [, n]) => sum + n, 0),
      scans,
      busy: queued > 0,
      ...(pageFacts.articleDate ? { articleDate: pageFacts.articleDate } : {}),
    };
  }
  const reporter = createReporter(() => state(true));

  /** Runs index work one job at a time; a failed or aborted job does not stop the ones after it. */
  function enqueue(job: () => Promise<void>): Promise<void> {
    queued++;
    return serial(job)
      .catch(() => undefined)
      .finally(() => {
        queued--;
        scans++;
        reporter.soon();
      });
  }

  /**
   * Once the page is idle after a scan: the facts of its entities, so a card opens complete, and
   * the article's publication date, read from the page (once: JSON-LD can be long).
   */
  let dated = false;
  const prefetch = () =>
    void whenIdle().then(() => {
      if (!run) return;
      details.prefetch(run.index.counts().map(([id]) => id));
      if (!dated) {
        dated = true;
        const date = findArticleDate(document, location.href);
        pageFacts = date ? { articleDate: date } : {};
        reporter.soon();
      }
    });

  /** Brings the index and the paint up to date with a change; one at a time, later changes merged. */
  function update(change: Change): Promise<void> {
    if (pending !== null) {
      pending = mergeChanges(pending, change);
      return Promise.resolve();
    }
    pending = change;
    return enqueue(async () => {
      const next = pending;
      pending = null;
      const r = run;
      if (!next || !r || r.abort.signal.aborted) return;
      const open = r.intent.current();
      const openRange = open === -1 ? null : (steppable()[open]?.range ?? null);
      const timer = sliceTimer();
      // A long page paints what is on screen before it scans the rest.
      const early = (diff: Diff) => {
        r.window.apply(diff);
        reporter.soon();
      };
      r.window.apply(await r.index.update(next, timer, r.abort.signal, early));
      if (timer.expired()) await timer.next(r.abort.signal);
      if (openRange) {
        // Keep the card on the same mention after a rescan, if it is still there.
        const same = steppable().findIndex(
          (p) => p.range.startContainer === openRange.startContainer && p.range.startOffset === openRange.startOffset,
        );
        if (same === -1) r.intent.reset();
        else r.intent.retarget(same);
      }
      prefetch();
    });
  }

  /** Attaches the highlight styles for the reader's style and the page's own colours; true if they were missing. */
  const ensureStyle = () => {
    const missing = !highlightStyle.attached();
    highlightStyle.attach(settings.style, schemeAt(document.body ?? document.documentElement));
    return missing;
  };

  function start() {
    const abort = new AbortController();
    const { signal } = abort;
    ensureStyle();
    healPaint(painter, { ensure: ensureStyle }, signal);
    // The card's close button, and focus leaving a card the keyboard entered.
    const card = createCardHost(signal, () => run?.intent.dismiss());
    // Shadow roots the scan finds are watched for changes too (the observer is made below).
    let watchShadow: (root: ShadowRoot) => void = () => undefined;
    const index = createPageIndex(knowledge.matcher, (root) => watchShadow(root));
    index.setCategories(settings.categories);
    index.setWholePage(settings.scope === 'page');
    if (forced) index.setForced();
    const paint = createPaintWindow(painter, index, signal);
    paint.setMode(settings.mentions);
    const intent = createIntent({
      showDelay: () => settings.hoverDelay,
      hideDelay: 300,
      open: (i) => session.open(i, pointer),
      close: session.close,
      prepare: (i) => session.prepare(i, pointer),
      discard: session.discard,
    });
    run = { abort, index, window: paint, card, intent };
    watchPointer(
      signal,
      (point, overUi) => {
        pointer = point;
        intent.pointerInCard(overUi);
        if (overUi || placed().length === 0) return;
        const at = mentionAt(index, point.x, point.y);
        // A quiet mention shows in full as soon as the pointer is on it.
        painter.setHover(at === -1 ? null : (steppable()[at] ?? null));
        intent.pointerOn(at);
      },
      (e) => card.owns(e),
    );
    watchTaps(signal, {
      mentionAt: (x, y) => (placed().length === 0 ? -1 : mentionAt(index, x, y)),
      open: () => intent.current(),
      show: (i, point) => {
        pointer = point;
        intent.openNow(i);
      },
      close: () => intent.dismiss(),
      ownsEvent: (e) => card.owns(e),
    });
    installKeys(signal, {
      step: (d) => api.step(d),
      enterCard: () => card.focusCard(),
      escape: () => intent.dismiss(),
      hasMentions: () => steppable().length > 0,
    });
    const observer = observePage(
      signal,
      () => card.element(),
      (change) => void update(change),
    );
    watchShadow = (root) => observer.watch(root);
    void update('all');
  }

  function stop() {
    run?.intent.reset();
    run?.abort.abort();
    run = null;
    painter.clear();
    highlightStyle.detach();
  }

  /** Re-runs decisions after a settings change, then applies the result. */
  async function redecide(r: NonNullable<typeof run>, diff: Promise<Diff>) {
    r.window.apply(await diff);
  }

  const api = {
    state: () => state(),
    siteEnabled: () => siteOn,
    setSiteEnabled(on: boolean) {
      siteOn = on;
    },
    /** Starts or stops everything; reports the new state either way. */
    setRunning(on: boolean) {
      if (on && !run) start();
      if (!on && run) stop();
      if (!on) {
        scans++;
        reporter.now();
      }
    },
    setSettings(next: Settings) {
      const before = settings;
      settings = next;
      const r = run;
      if (!r) return;
      if (next.style !== before.style) ensureStyle();
      if (next.scope !== before.scope) {
        // Where names are read changed: the page is read again.
        r.index.setWholePage(next.scope === 'page');
        void update('all');
      }
      if (next.mentions !== before.mentions) r.window.setMode(next.mentions);
      if (JSON.stringify(next.categories) !== JSON.stringify(before.categories)) {
        r.index.setCategories(next.categories);
        void enqueue(() => redecide(r, r.index.decide(sliceTimer(), r.abort.signal)));
      }
    },
    /** What the page says of itself (the article's date); the card reads it when it opens. */
    setPageFacts(facts: PageFacts) {
      pageFacts = facts;
    },
    /** New knowledge packs: a new matcher, and a fresh scan if running. */
    setKnowledge(next: Knowledge) {
      knowledge = next;
      if (run) {
        stop();
        start();
      }
    },
    step(direction: 1 | -1) {
      const n = steppable().length;
      if (!n || !run) return;
      const cur = run.intent.current();
      session.focus(cur === -1 ? (direction === 1 ? 0 : n - 1) : (cur + direction + n) % n);
    },
    showEntity(id: string): boolean {
      const at = steppable().findIndex((p) => p.entityId === id);
      if (at !== -1) session.focus(at);
      return at !== -1;
    },
    /** The popup's "Highlight anyway", after any scan in progress so it covers the whole page. */
    highlightAnyway(): Promise<PageState> {
      forced = true;
      const r = run;
      if (!r) return Promise.resolve(state());
      r.index.setForced();
      return enqueue(() => redecide(r, r.index.decide(sliceTimer(), r.abort.signal))).then(() => state());
    },
  };
  return api;
}
