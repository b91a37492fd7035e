import type { EntityDetails } from '../knowledge/entity-view';
import { toBackground } from '../lib/messages';
import type { Matcher } from '../match';
import { type CardContent, type CardHost, rangeReference } from './card-host';
import { t } from './i18n';
import type { Intent } from './intent';
import { schemeAt } from './page-scheme';
import type { Painter, Placed } from './paint';
import { liveRange } from './ranges';

/**
 * Facts live in the background (the content script ships only the names): asked once per entity,
 * and for the page's entities ahead of time, when the page is idle after a scan, so that a card
 * opens complete.
 */
export function createDetailsCache() {
  const cache = new Map<string, Promise<EntityDetails | null>>();
  const known = new Map<string, EntityDetails | null>();
  const load = (id: string): Promise<EntityDetails | null> => {
    let p = cache.get(id);
    if (!p) {
      p = toBackground({ kind: 'entity-details', id }).catch(() => null);
      cache.set(id, p);
      void p.then((d) => known.set(id, d));
    }
    return p;
  };
  return {
    load,
    /** The details if they have arrived: `undefined` while they have not. */
    ready: (id: string): EntityDetails | null | undefined => known.get(id),
    /** Asks for every entity not asked for yet. */
    prefetch(ids: Iterable<string>): void {
      for (const id of ids) void load(id);
    },
  };
}

/** What the matcher knows of an entity without its details. */
type Entry = NonNullable<ReturnType<Matcher['entity']>>;

/** The details cache's interface. */
export type DetailsCache = ReturnType<typeof createDetailsCache>;

/** What one run of Backstory on a page gives the card: its mentions, its card host and hover intent. */
export type CardRun = { card: CardHost; intent: Intent };

/** What the card needs to know of the page: when the article was published, if the page says. */
export type PageFacts = { articleDate?: string };

/**
 * The card of one mention at a time: opening it (by hover, keyboard or the popup), marking the
 * mention active, closing it, and announcing keyboard steps.
 */
export function createCardSession(deps: {
  painter: Painter;
  details: DetailsCache;
  matcher: () => Matcher;
  /** The mentions the reader steps through, in page order. */
  steppable: () => Placed[];
  placed: () => Placed[];
  run: () => CardRun | null;
  page: () => PageFacts;
}) {
  const { painter, details } = deps;

  /** What the card of a mention shows, once its details (or their absence) are known. */
  function contentOf(p: Placed, entry: Entry, d: EntityDetails | null): CardContent {
    const onPage = new Set(deps.placed().map((m) => m.entityId));
    const { articleDate } = deps.page();
    return {
      id: d?.id ?? p.entityId,
      name: d?.name ?? entry.name ?? p.alias ?? p.entityId,
      category: entry.category,
      details: d,
      onPage,
      scheme: schemeAt(p.element),
      ...(p.alias ? { alias: p.alias } : {}),
      ...(p.generation ? { generation: p.generation } : {}),
      ...(articleDate ? { articleDate } : {}),
    };
  }

  function open(at: number, pointerAt?: { x: number; y: number }) {
    const p = deps.steppable()[at];
    const entry = p && deps.matcher().entity(p.entityId);
    const run = deps.run();
    if (!p || !entry || !run) return;
    const { card, intent } = run;
    painter.setActive(p.range);
    const show = (d: EntityDetails | null) => card.show(contentOf(p, entry, d), rangeReference(p.range), pointerAt);
    const ready = details.ready(p.entityId);
    if (ready !== undefined) return show(ready);
    // The reader was quicker than the idle prefetch: the card opens, complete, when its facts arrive.
    void details.load(p.entityId).then((d) => {
      if (intent.current() === at && deps.steppable()[at] === p) show(d);
    });
  }

  /** Builds a hovered mention's card out of sight while the hover delay runs (card-host.ts). */
  function prepare(at: number, pointerAt?: { x: number; y: number }) {
    const p = deps.steppable()[at];
    const entry = p && deps.matcher().entity(p.entityId);
    const ready = p && details.ready(p.entityId);
    const run = deps.run();
    if (!p || !entry || ready === undefined || !run) return;
    run.card.prepare(contentOf(p, entry, ready), rangeReference(p.range), pointerAt);
  }

  /** Drops a card built ahead that was never shown. */
  function discard() {
    const card = deps.run()?.card;
    if (card && !card.isOpen()) card.hide();
  }

  function close() {
    painter.setActive(null);
    deps.run()?.card.hide();
  }

  /** Keyboard and popup route: scroll a mention into view and open its card at once. */
  function focus(at: number) {
    const p = deps.steppable()[at];
    const run = deps.run();
    if (!p || !run) return;
    const rect = liveRange(p.range).getBoundingClientRect();
    if (rect.top < 40 || rect.bottom > window.innerHeight - 40) {
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
    }
    run.intent.openNow(at);
    const entry = deps.matcher().entity(p.entityId);
    const n = deps.steppable().length;
    const name = details.ready(p.entityId)?.name ?? entry?.name ?? p.alias ?? p.entityId;
    run.card.announce(t('cardAnnouncement', name, entry?.category ?? '', at + 1, n));
  }

  return { open, prepare, discard, close, focus };
}
