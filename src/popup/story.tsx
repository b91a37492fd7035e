import { useState } from 'preact/hooks';
import { dayMonthYear, monthYear } from '../knowledge/dates';
import { t } from '../lib/i18n';
import type { PageState } from '../lib/messages';
import { Graph } from './graph';
import { Connections } from './groups';
import type { Lookup, StoryRow } from './lookup';

export { dayMonthYear };

const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Only https links are followed from stored knowledge. */
const safe = (url: string) => (/^https:\/\/\S+$/.test(url) ? url : undefined);

/** The rows of one part of the timeline, in date order, with the article's own row where it falls. */
function Rows({ rows, articleDate, lookup }: { rows: StoryRow[]; articleDate?: string; lookup: Lookup }) {
  const items: preact.JSX.Element[] = [];
  let marked = !articleDate;
  for (const r of rows) {
    if (!marked && articleDate && r.asOf > articleDate) {
      items.push(
        <li key="article" class="article-row">
          {t('popupArticleRow', dayMonthYear(articleDate))}
        </li>,
      );
      marked = true;
    }
    const href = safe(r.source);
    items.push(
      <li key={`${r.entityId}:${r.asOf}:${r.text}`} class={articleDate && r.asOf > articleDate ? 'after' : undefined}>
        <span class="date">{monthYear(r.asOf)}</span>{' '}
        <span class="who">
          {[r.entityId, ...r.about.filter((id) => id !== r.entityId)].map(lookup.name).join(' · ')}
        </span>
        <span class="what">
          {r.text}{' '}
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {host(href)}
            </a>
          ) : (
            <span class="muted">{host(r.source)}</span>
          )}
        </span>
      </li>,
    );
  }
  if (!marked && articleDate) {
    items.push(
      <li key="article" class="article-row">
        {t('popupArticleRow', dayMonthYear(articleDate))}
      </li>,
    );
  }
  return <ol class="timeline">{items}</ol>;
}

/**
 * The backstory of the page: one timeline of the dated facts about its names (first the facts
 * that tie two or more of them, then each name's own), with the article's date marked so before
 * and after read at a glance; a filter by name; and a picture of who is tied to whom.
 */
export function Story({ state, lookup }: { state: PageState; lookup: Lookup }) {
  const ids = state.entities.map((e) => e.id);
  const [only, setOnly] = useState('');
  const rows = lookup.story(only ? [only] : ids).filter((r) => !only || r.about.includes(only));
  const shared = rows.filter((r) => r.shared);
  const own = rows.filter((r) => !r.shared);
  const ties = lookup.ties(ids);
  return (
    <div class="story">
      <p class="article-date">
        {state.articleDate ? t('popupArticleRow', dayMonthYear(state.articleDate)) : t('popupNoArticleDate')}
      </p>
      {state.entities.length > 1 && (
        <label class="filter">
          {t('popupFilter')}{' '}
          <select value={only} onChange={(e) => setOnly(e.currentTarget.value)}>
            <option value="">{t('popupFilterAll')}</option>
            {state.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {rows.length === 0 && <p class="status">{t('popupNoTimeline')}</p>}
      {shared.length > 0 && (
        <section class="group" aria-label={t('popupBetweenNames')}>
          <h2 class="heading">{t('popupBetweenNames')}</h2>
          <Rows rows={shared} lookup={lookup} {...(state.articleDate ? { articleDate: state.articleDate } : {})} />
        </section>
      )}
      {own.length > 0 && (
        <section class="group" aria-label={t('popupEachName')}>
          <h2 class="heading">{t('popupEachName')}</h2>
          <Rows rows={own} lookup={lookup} {...(state.articleDate ? { articleDate: state.articleDate } : {})} />
        </section>
      )}
      {!only && ties.length > 0 && (
        <section class="group" aria-label={t('popupGraph')}>
          <h2 class="heading">{t('popupGraph')}</h2>
          <Graph ties={ties} nodes={state.entities} />
          <Connections lines={ties.map((x) => x.text)} />
        </section>
      )}
    </div>
  );
}
