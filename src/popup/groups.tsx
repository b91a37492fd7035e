import { useRef, useState } from 'preact/hooks';
import { heading } from '../lib/category-names';
import { t } from '../lib/i18n';
import type { EntityCount } from '../lib/messages';
import { groupEntities, type Lookup } from './lookup';

/** One entity: its name (which shows the first mention on the page) and a disclosure for its summary. */
function Row(props: {
  entity: EntityCount;
  summary?: string;
  open: boolean;
  active: boolean;
  onToggle: () => void;
  onShow: () => void;
  onKey: (e: KeyboardEvent) => void;
}) {
  const { entity, open } = props;
  const about = `about-${entity.id}`;
  return (
    <li class="item">
      <div class="line">
        <button
          type="button"
          class="more"
          tabIndex={-1}
          aria-expanded={open}
          aria-controls={about}
          aria-label={t('popupSummaryOf', entity.name)}
          onClick={props.onToggle}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          </svg>
        </button>
        <button
          type="button"
          class="row"
          data-entity={entity.id}
          tabIndex={props.active ? 0 : -1}
          aria-expanded={open}
          aria-describedby="rows-hint"
          title={t('popupShowFirst')}
          onClick={props.onShow}
          onKeyDown={props.onKey}
        >
          <span class="entity">{entity.written ? t('popupWrittenAs', entity.written, entity.name) : entity.name}</span>
          <span class="count">
            {entity.count}
            <span class="sr"> {entity.count === 1 ? t('popupCountOne') : t('popupCountMany')}</span>
          </span>
        </button>
      </div>
      <p class="about" id={about} hidden={!open}>
        {props.summary ?? t('popupNoSummary')}
      </p>
    </li>
  );
}

/**
 * The page's entities by category, most mentioned first. The whole list is one Tab stop: the
 * arrow keys move between names, Enter shows one on the page, Right and Left open and close its
 * summary.
 */
export function Groups(props: { entities: EntityCount[]; lookup: Lookup; onShow: (id: string) => void }) {
  const groups = groupEntities(props.entities);
  const order = groups.flatMap((g) => g.rows.map((r) => r.id));
  const [active, setActive] = useState(order[0] ?? '');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const list = useRef<HTMLDivElement>(null);
  const current = order.includes(active) ? active : (order[0] ?? '');
  const toggle = (id: string, on = !open.has(id)) => {
    const next = new Set(open);
    if (on) next.add(id);
    else next.delete(id);
    setOpen(next);
  };
  const focus = (id: string) => {
    setActive(id);
    list.current?.querySelector<HTMLElement>(`.row[data-entity="${CSS.escape(id)}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const at = order.indexOf(current);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = order[Math.min(order.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) focus(next);
    } else if (e.key === 'Home' || e.key === 'End') {
      const next = e.key === 'Home' ? order[0] : order.at(-1);
      if (next) focus(next);
    } else if (e.key === 'ArrowRight') toggle(current, true);
    else if (e.key === 'ArrowLeft') toggle(current, false);
    else return;
    e.preventDefault();
  };
  return (
    <div ref={list}>
      <p class="sr" id="rows-hint">
        {t('popupRowsHint')}
      </p>
      {groups.map(({ category, rows }) => (
        <section key={category} class="group" aria-label={heading(category)}>
          <h2 class="heading" data-category={category}>
            {heading(category)} <span class="n">{rows.length}</span>
          </h2>
          <ul>
            {rows.map((e) => (
              <Row
                key={e.id}
                entity={e}
                summary={props.lookup.summary(e.id)}
                open={open.has(e.id)}
                active={e.id === current}
                onToggle={() => {
                  setActive(e.id);
                  toggle(e.id);
                }}
                onShow={() => {
                  setActive(e.id);
                  // The content script knows the entity by its key (keys.ts).
                  props.onShow(e.key ?? e.id);
                }}
                onKey={onKey}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Ties between the entities on the page, worded as on the card. */
export function Connections({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <section class="group" aria-label={t('connectionsOnPage')}>
      <h2 class="heading">{t('connectionsOnPage')}</h2>
      <ul class="links">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </section>
  );
}
