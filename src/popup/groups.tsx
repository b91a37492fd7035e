import { useState } from 'preact/hooks';
import { heading } from '../lib/category-names';
import { t } from '../lib/i18n';
import type { EntityCount } from '../lib/messages';
import { groupEntities, type Lookup } from './lookup';

/** One entity: a disclosure for its summary, and its name, which shows the first mention on the page. */
function Row({ entity, summary, onShow }: { entity: EntityCount; summary?: string; onShow: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const about = `about-${entity.id}`;
  return (
    <li class="item">
      <div class="line">
        <button
          type="button"
          class="more"
          aria-expanded={open}
          aria-controls={about}
          aria-label={t('popupSummaryOf', entity.name)}
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          </svg>
        </button>
        <button
          type="button"
          class="row"
          data-entity={entity.id}
          title={t('popupShowFirst')}
          onClick={() => onShow(entity.id)}
        >
          <span class="entity">{entity.name}</span>
          <span class="count">
            {entity.count}
            <span class="sr"> {entity.count === 1 ? t('popupCountOne') : t('popupCountMany')}</span>
          </span>
        </button>
      </div>
      <p class="about" id={about} hidden={!open}>
        {summary ?? t('popupNoSummary')}
      </p>
    </li>
  );
}

/** The page's entities by category, most mentioned first. */
export function Groups(props: { entities: EntityCount[]; lookup: Lookup; onShow: (id: string) => void }) {
  return (
    <>
      {groupEntities(props.entities).map(({ category, rows }) => (
        <section key={category} class="group" aria-label={heading(category)}>
          <h2 class="heading" data-category={category}>
            {heading(category)} <span class="n">{rows.length}</span>
          </h2>
          <ul>
            {rows.map((e) => (
              <Row key={e.id} entity={e} summary={props.lookup.summary(e.id)} onShow={props.onShow} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Relations between the entities on the page. */
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
