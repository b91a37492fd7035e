import nameIndex from 'backstory:name-index';
import browser from 'webextension-polyfill';
import type { EntityDetails, PageState, ToContent } from '../lib/messages';
import { toBackground } from '../lib/messages';
import { isSiteEnabled, onSiteSwitch } from '../lib/settings';
import { compileMatcher } from '../match';
import { type CardHost, createCardHost, rangeReference } from './card-host';
import { caretAt, rangeContains, watchPointer } from './hover';
import { createIntent, type Intent } from './intent';
import { installKeys } from './keys';
import { type Change, observePage } from './observe';
import { countEntities, createPageIndex, type Diff, type PageIndex } from './page-index';
import { createPainter } from './paint';
import { createPaintWindow } from './paint-window';
import { sliceTimer } from './slice';

const matcher = compileMatcher(nameIndex.entries, nameIndex.pattern);
const names = new Map(nameIndex.entries.map((e) => [e.id, e]));
const painter = createPainter();
const details = new Map<string, Promise<EntityDetails | null>>();
const hostname = location.hostname;
const isTop = window === window.top;

let enabled = false;
let forced = false;
let index: PageIndex | null = null;
/** Index updates run one at a time; changes that arrive meanwhile are merged. */
let updating: Promise<void> = Promise.resolve();
let pendingChange: Change | null = null;
/** Lifetime of everything that runs while Backstory is on for this site. */
let active: AbortController | null = null;
let card: CardHost | null = null;
let intent: Intent | null = null;
let pointer: { x: number; y: number } | undefined;
/** Highlights a page that does not look like AI news (the popup's "Highlight anyway"). */
let forceNow: () => Promise<void> = async () => undefined;

const loadDetails = (id: string) => {
  let p = details.get(id);
  if (!p) {
    // Facts live in the background: the content script ships only the names.
    p = toBackground({ kind: 'entity-details', id }).catch(() => null);
    details.set(id, p);
  }
  return p;
};

function state(): PageState {
  const placed = index?.placed() ?? [];
  const counts = countEntities(placed);
  const entities = [...counts].map(([id, count]) => {
    const e = names.get(id);
    return { id, count, name: e?.name ?? id, category: e?.category ?? 'company' };
  });
  return {
    hostname,
    enabled,
    relevant: index?.verdict().relevant ?? false,
    forced,
    entities,
    total: placed.length,
  };
}

const report = () => {
  if (isTop) void toBackground({ kind: 'page-state', state: state() }).catch(() => undefined);
};

const placedList = () => index?.placed() ?? [];

function openCard(at: number, pointerAt?: { x: number; y: number }) {
  const p = placedList()[at];
  if (!p || !card) return;
  const entry = names.get(p.entityId);
  if (!entry) return;
  painter.setActive(p.range);
  const onPage = new Set(placedList().map((m) => m.entityId));
  const base = { id: p.entityId, name: entry.name, category: entry.category, onPage };
  const reference = rangeReference(p.range);
  card.show({ ...base, details: undefined }, reference, pointerAt);
  void loadDetails(p.entityId).then((d) => {
    if (intent?.current() === at && placedList()[at] === p) card?.show({ ...base, details: d }, reference);
  });
}

function closeCard() {
  painter.setActive(null);
  card?.hide();
}

/** Keyboard and popup route: scroll a mention into view and open its card at once. */
function focusMention(at: number) {
  const p = placedList()[at];
  if (!p || !intent || !card) return;
  const live = document.createRange();
  live.setStart(p.range.startContainer, p.range.startOffset);
  live.setEnd(p.range.endContainer, p.range.endOffset);
  const rect = live.getBoundingClientRect();
  if (rect.top < 40 || rect.bottom > window.innerHeight - 40) {
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
  }
  intent.openNow(at);
  const entry = names.get(p.entityId);
  const n = placedList().length;
  card.announce(`${entry?.name ?? p.entityId}, ${entry?.category ?? ''}. Mention ${at + 1} of ${n}.`);
}

function step(direction: 1 | -1) {
  const n = placedList().length;
  if (!n || !intent) return;
  const cur = intent.current();
  const next = cur === -1 ? (direction === 1 ? 0 : n - 1) : (cur + direction + n) % n;
  focusMention(next);
}

/** Brings the index and the paint up to date with a change; runs one at a time. */
function update(change: Change, signal: AbortSignal, apply: (d: Diff) => void): Promise<void> {
  if (pendingChange !== null) {
    pendingChange = pendingChange === 'all' || change === 'all' ? 'all' : [...pendingChange, ...change];
    return updating;
  }
  pendingChange = change;
  updating = updating.then(async () => {
    const next = pendingChange;
    pendingChange = null;
    if (!next || !index || signal.aborted) return;
    const open = intent?.current() ?? -1;
    const openRange = open === -1 ? null : (placedList()[open]?.range ?? null);
    apply(await index.update(next, sliceTimer(), signal));
    if (openRange) {
      // Keep the card on the same mention after a rescan, if it is still there.
      const same = placedList().findIndex(
        (p) => p.range.startContainer === openRange.startContainer && p.range.startOffset === openRange.startOffset,
      );
      if (same === -1) intent?.reset();
      else intent?.retarget(same);
    }
    report();
  });
  updating = updating.catch(() => undefined);
  return updating;
}

function activate() {
  active?.abort();
  const run = new AbortController();
  active = run;
  const { signal } = run;
  card = createCardHost(signal);
  const host = card;
  const pageIndex = createPageIndex(matcher);
  index = pageIndex;
  const window_ = createPaintWindow(painter, pageIndex, signal);
  const apply = (d: Diff) => window_.apply(d);
  intent = createIntent({ showDelay: 300, hideDelay: 300, open: (i) => openCard(i, pointer), close: closeCard });
  const hover = intent;
  watchPointer(
    signal,
    (point, overUi) => {
      pointer = point;
      hover.pointerInCard(overUi);
      if (overUi || placedList().length === 0) return;
      const caret = caretAt(point.x, point.y);
      const p = caret ? pageIndex.at(caret.node, caret.offset) : undefined;
      hover.pointerOn(p && rangeContains(p.range, point.x, point.y) ? placedList().indexOf(p) : -1);
    },
    (e) => host.owns(e),
  );
  installKeys(signal, { step, escape: () => hover.dismiss(), hasMentions: () => placedList().length > 0 });
  observePage(
    signal,
    () => host.element(),
    (change) => void update(change, signal, apply),
  );
  if (forced) void pageIndex.force(sliceTimer(), signal);
  void update('all', signal, apply);
  forceNow = async () => {
    apply(await pageIndex.force(sliceTimer(), signal));
    report();
  };
}

function deactivate() {
  active?.abort();
  active = null;
  intent?.reset();
  intent = null;
  card = null;
  index = null;
  painter.clear();
  report();
}

browser.runtime.onMessage.addListener((raw: unknown) => {
  const message = raw as ToContent;
  switch (message.kind) {
    case 'get-state':
      return Promise.resolve(state());
    case 'step':
      step(message.direction);
      return undefined;
    case 'show-entity': {
      const at = placedList().findIndex((p) => p.entityId === message.id);
      if (at !== -1) focusMention(at);
      return Promise.resolve(at !== -1);
    }
    case 'highlight-anyway': {
      forced = true;
      // After any scan in progress, so the forced decision covers the whole page.
      return updating.then(async () => {
        await forceNow();
        return state();
      });
    }
    default:
      return undefined;
  }
});

async function main() {
  enabled = await isSiteEnabled(hostname);
  onSiteSwitch(hostname, new AbortController().signal, (on) => {
    enabled = on;
    if (on) activate();
    else deactivate();
  });
  if (enabled) activate();
  else report();
}

void main();
