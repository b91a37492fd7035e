import { CATEGORY_MESSAGES, type Category } from '../knowledge/categories';
import type { EntityDetails } from '../knowledge/entity-view';
import { monthYear } from '../knowledge/relations';
import { t } from './i18n';

/** What the card needs at once (from the name index) and later (facts from the background). */
export type CardProps = {
  id: string;
  name: string;
  category: Category;
  details: EntityDetails | null | undefined;
  /** Entities the page also names: only their relations are shown. */
  onPage: ReadonlySet<string>;
};

/** "2024-11-22" → "Nov 2024". */
export const formatAsOf = monthYear;

const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Ties between this entity and others the page names: one per other entity, at most two. */
export function relationLines(details: EntityDetails, onPage: ReadonlySet<string>): string[] {
  const lines = new Map<string, string>();
  for (const t of details.ties) if (onPage.has(t.other) && !lines.has(t.other)) lines.set(t.other, t.text);
  return [...lines.values()].slice(0, 2);
}

/** Up to three facts: the first (what the entity is, as the file leads with it), then the newest. */
export function keyFacts<F extends { asOf: string }>(facts: readonly F[]): F[] {
  const [first, ...rest] = facts;
  if (!first) return [];
  const newest = [...rest].sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0)).slice(0, 2);
  return [first, ...newest];
}

/** The background card: name, category, summary, up to three dated facts with sources. */
export function Card({ id, name, category, details, onPage }: CardProps) {
  const facts = details ? keyFacts(details.facts) : [];
  // ISO dates compare as strings.
  const newest =
    facts
      .map((f) => f.asOf)
      .sort()
      .at(-1) ?? '';
  const relations = details ? relationLines(details, onPage) : [];
  return (
    <div class="card" role="tooltip" id="backstory-card" data-entity={id} lang="en">
      <div class="head">
        <h2 class="name">{name}</h2>
        <span class={`badge ${category}`}>{t(CATEGORY_MESSAGES[category].one)}</span>
      </div>
      {details === undefined && <p class="loading">{t('cardLoading')}</p>}
      {details === null && <p class="loading">{t('cardNoDetails')}</p>}
      {details && (
        <>
          <p class="summary">{details.summary}</p>
          <ul class="facts">
            {facts.map((f) => (
              <li key={f.text}>
                {f.text}{' '}
                <span class="when">
                  ({formatAsOf(f.asOf)},{' '}
                  <a href={f.source} target="_blank" rel="noopener noreferrer">
                    {host(f.source)}
                  </a>
                  )
                </span>
              </li>
            ))}
          </ul>
          {relations.length > 0 && (
            <ul class="relations" aria-label={t('connectionsOnPage')}>
              {relations.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <div class="foot">
            <span>{t('cardAsOf', formatAsOf(newest))}</span>
            {details.url && (
              <a href={details.url} target="_blank" rel="noopener noreferrer">
                {t('cardMoreAbout', name)}
              </a>
            )}
          </div>
        </>
      )}
    </div>
  );
}
