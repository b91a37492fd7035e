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
import { observePage } from './observe';
import { buildModel, countEntities, mentionAt, type PageModel } from './page-model';
import { createPainter } from './paint';
import { collectBlocks } from './scan';
import { sliceTimer } from './slice';

const matcher = compileMatcher(nameIndex);
const names = new Map(nameIndex.map((e) => [e.id, e]));
const painter = createPainter();
const details = new Map<string, Promise<EntityDetails | null>>();
const hostname = location.hostname;
const isTop = window === window.top;

let enabled = false;
let forced = false;
let model: PageModel | null = null;
/** Lifetime of everything that runs while Backstory is on for this site. */
let active: AbortController | null = null;
let card: CardHost | null = null;
let intent: Intent | null = null;
let pointer: { x: number; y: number } | undefined;

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
  const counts = model ? countEntities(model) : new Map<string, number>();
  const entities = [...counts].map(([id, count]) => {
    const e = names.get(id);
    return { id, count, name: e?.name ?? id, category: e?.category ?? 'company' };
  });
  return {
    hostname,
    enabled,
    relevant: model?.verdict.relevant ?? false,
    forced,
    entities,
    total: model?.placed.length ?? 0,
  };
}

const report = () => {
  if (isTop) void toBackground({ kind: 'page-state', state: state() }).catch(() => undefined);
};

function openCard(index: number, at?: { x: number; y: number }) {
  const p = model?.placed[index];
  if (!p || !card) return;
  const entry = names.get(p.entityId);
  if (!entry) return;
  painter.setActive(p.range);
  const onPage = new Set(model?.placed.map((m) => m.entityId));
  const base = { id: p.entityId, name: entry.name, category: entry.category, onPage };
  const reference = rangeReference(p.range);
  card.show({ ...base, details: undefined }, reference, at);
  void loadDetails(p.entityId).then((d) => {
    if (intent?.current() === index && model?.placed[index] === p) card?.show({ ...base, details: d }, reference);
  });
}

function closeCard() {
  painter.setActive(null);
  card?.hide();
}

/** Keyboard and popup route: scroll a mention into view and open its card at once. */
function focusMention(index: number) {
  const p = model?.placed[index];
  if (!p || !intent || !card) return;
  const live = document.createRange();
  live.setStart(p.range.startContainer, p.range.startOffset);
  live.setEnd(p.range.endContainer, p.range.endOffset);
  const rect = live.getBoundingClientRect();
  if (rect.top < 40 || rect.bottom > window.innerHeight - 40) {
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
  }
  intent.openNow(index);
  const entry = names.get(p.entityId);
  const n = model?.placed.length ?? 0;
  card.announce(`${entry?.name ?? p.entityId}, ${entry?.category ?? ''}. Mention ${index + 1} of ${n}.`);
}

function step(direction: 1 | -1) {
  const n = model?.placed.length ?? 0;
  if (!n || !intent) return;
  const cur = intent.current();
  const next = cur === -1 ? (direction === 1 ? 0 : n - 1) : (cur + direction + n) % n;
  focusMention(next);
}

async function scan(signal: AbortSignal) {
  const timer = sliceTimer();
  const blocks = await collectBlocks(document.body ?? document.documentElement, timer, signal);
  const scanned = [];
  for (const b of blocks) {
    scanned.push({ text: b.text, candidates: matcher.scan(b.text) });
    if (timer.expired()) await timer.next(signal);
  }
  const previous = intent?.current() ?? -1;
  const open = previous === -1 ? null : model?.placed[previous];
  model = buildModel(blocks, scanned, matcher, { force: forced });
  painter.paint(model.placed);
  if (open) {
    // Keep the card on the same mention after a rescan, if it is still there.
    const r = open.range;
    const same = model.placed.findIndex(
      (p) => p.range.startContainer === r.startContainer && p.range.startOffset === r.startOffset,
    );
    if (same === -1) intent?.reset();
    else intent?.retarget(same);
  }
  report();
}

function activate() {
  active?.abort();
  const run = new AbortController();
  active = run;
  const { signal } = run;
  card = createCardHost(signal);
  const host = card;
  intent = createIntent({ showDelay: 300, hideDelay: 300, open: (i) => openCard(i, pointer), close: closeCard });
  const hover = intent;
  watchPointer(
    signal,
    (point, overUi) => {
      pointer = point;
      hover.pointerInCard(overUi);
      if (overUi || !model?.placed.length) return;
      const caret = caretAt(point.x, point.y);
      let index = caret ? mentionAt(model, caret.node, caret.offset) : -1;
      const p = index === -1 ? undefined : model.placed[index];
      if (p && !rangeContains(p.range, point.x, point.y)) index = -1;
      hover.pointerOn(index);
    },
    (e) => host.owns(e),
  );
  installKeys(signal, { step, escape: () => hover.dismiss(), hasMentions: () => (model?.placed.length ?? 0) > 0 });
  observePage(
    signal,
    () => host.element(),
    () => void scan(signal).catch(() => undefined),
  );
  void scan(signal).catch(() => undefined);
}

function deactivate() {
  active?.abort();
  active = null;
  intent?.reset();
  intent = null;
  card = null;
  model = null;
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
      const index = model?.placed.findIndex((p) => p.entityId === message.id) ?? -1;
      if (index !== -1) focusMention(index);
      return Promise.resolve(index !== -1);
    }
    case 'highlight-anyway': {
      forced = true;
      if (!enabled || !active) return Promise.resolve(state());
      return scan(active.signal).then(state);
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
