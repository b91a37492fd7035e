import { CATEGORY_MESSAGES, type Category } from '../knowledge/categories';
import { dayMonthYear, monthYear } from '../knowledge/dates';
import type { EntityDetails, FactView } from '../knowledge/entity-view';
import type { Scheme } from '../lib/theme';
import { t } from './i18n';

/** What the card shows: the entity (from the name index) and its facts (from the background). */
export type CardProps = {
  id: string;
  name: string;
  category: Category;
  details: EntityDetails | null;
  /** Entities the page also names: only their ties are shown. */
  onPage: ReadonlySet<string>;
  /** The page's own colours where the mention is. */
  scheme: Scheme;
  /** The name as the page wrote it, when it is not the entity's own ("Facebook" on Meta's card). */
  alias?: string;
  /** A generation of this family the page names and the knowledge has no card for ("Gaudi 4"). */
  generation?: string;
  /** When the article was published (ISO date), if the page says: facts are split around it. */
  articleDate?: string;
  /** A narrow screen: the card is a sheet at the bottom of the viewport. */
  sheet: boolean;
  onClose: () => void;
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

/** Only https links are rendered: anything else in stored knowledge is shown as text, never followed. */
export const safeHref = (url: string | undefined): string | undefined =>
  url && /^https:\/\/[^\s]+$/.test(url) ? url : undefined;

/** Ties between this entity and others the page names: one per other entity, at most two. */
export function relationLines(details: EntityDetails, onPage: ReadonlySet<string>): string[] {
  const lines = new Map<string, string>();
  // The page's entities are known by their keys (keys.ts).
  for (const tie of details.ties) if (onPage.has(tie.otherKey) && !lines.has(tie.other)) lines.set(tie.other, tie.text);
  return [...lines.values()].slice(0, 2);
}

const byDate = <F extends { asOf: string }>(a: F, b: F) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0);

/**
 * Up to three facts: the first (what the entity is, as the file leads with it), then the two
 * newest in the order they happened, so the card reads as a timeline.
 */
export function keyFacts<F extends { asOf: string }>(facts: readonly F[]): F[] {
  const [first, ...rest] = facts;
  if (!first) return [];
  const newest = [...rest].sort(byDate).slice(-2);
  return [first, ...newest];
}

/**
 * The facts around an article's date: what the entity is and the latest before it (up to three),
 * then what happened since, oldest first (the four newest at most). Facts of other entities that
 * involve this one count too ("Amazon invested another $4 billion" on Anthropic's card).
 */
export function aroundDate(details: EntityDetails, date: string): { before: FactView[]; since: FactView[] } {
  const own = details.facts;
  const seen = new Set(own.map((f) => f.text));
  const all = [...own, ...details.involvedIn.filter((f) => !seen.has(f.text))];
  const before = all.filter((f) => f.asOf <= date);
  // What happened since: the entity's own news first (the four newest), others' that involve it
  // where there is room; shown oldest first.
  const ownSince = own
    .filter((f) => f.asOf > date)
    .sort(byDate)
    .slice(-4);
  const room = 4 - ownSince.length;
  const othersSince =
    room > 0
      ? all
          .slice(own.length)
          .filter((f) => f.asOf > date)
          .sort(byDate)
          .slice(-room)
      : [];
  const since = [...ownSince, ...othersSince].sort(byDate);
  const first = own[0] && own[0].asOf <= date ? own[0] : undefined;
  const latest = before
    .filter((f) => f !== first)
    .sort(byDate)
    .slice(-(first ? 2 : 3));
  return { before: first ? [first, ...latest] : latest, since };
}

function Fact({ fact }: { fact: FactView }) {
  const href = safeHref(fact.source);
  return (
    <li>
      <span class="date">{formatAsOf(fact.asOf)}</span>{' '}
      {fact.entityName && <span class="who">{fact.entityName}: </span>}
      {fact.text}{' '}
      <span class="when">
        (
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {host(href)}
          </a>
        ) : (
          host(fact.source)
        )}
        )
      </span>
    </li>
  );
}

/**
 * The card: a small non-modal dialog (it holds links, so it is not a tooltip) with the name,
 * category, why the page's name leads here, the summary, dated facts with sources (split around
 * the article's date when the page gives one) and the ties to other names on the page.
 */
export function Card(props: CardProps) {
  const { id, name, category, details, onPage, articleDate } = props;
  const split = details && articleDate ? aroundDate(details, articleDate) : null;
  const facts = details && !split ? keyFacts(details.facts) : [];
  const newest =
    [...facts, ...(split?.before ?? []), ...(split?.since ?? [])]
      .map((f) => f.asOf)
      .sort()
      .at(-1) ?? '';
  const relations = details ? relationLines(details, onPage) : [];
  const note = props.alias && details?.notes[props.alias];
  const more = safeHref(details?.url);
  return (
    <div
      class={`card ${props.scheme}${props.sheet ? ' sheet' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-label={t('cardDialog', name)}
      data-entity={id}
      lang="en"
      tabIndex={-1}
    >
      <div class="head">
        <h2 class="name">{name}</h2>
        <span class={`badge ${category}`}>{t(CATEGORY_MESSAGES[category].one)}</span>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={props.onClose}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.8" fill="none" />
          </svg>
        </button>
      </div>
      {note && <p class="note">{t('cardAliasNote', props.alias as string, note)}</p>}
      {props.generation && <p class="note">{t('cardGeneration', props.generation, name)}</p>}
      {details?.family && <p class="family">{t('cardFamily', details.family.name)}</p>}
      {details === null && <p class="muted">{t('cardNoDetails')}</p>}
      {details && (
        <>
          <p class="summary">{details.summary}</p>
          {split ? (
            <>
              {split.before.length > 0 && (
                <section aria-label={t('cardBeforeArticle')}>
                  <h3 class="part">{t('cardBeforeArticle')}</h3>
                  <ul class="facts">
                    {split.before.map((f) => (
                      <Fact key={f.text} fact={f} />
                    ))}
                  </ul>
                </section>
              )}
              <section aria-label={t('cardSinceArticle', dayMonthYear(articleDate as string))} class="since">
                <h3 class="part">{t('cardSinceArticle', dayMonthYear(articleDate as string))}</h3>
                {split.since.length > 0 ? (
                  <ul class="facts">
                    {split.since.map((f) => (
                      <Fact key={f.text} fact={f} />
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{t('cardNothingSince')}</p>
                )}
              </section>
            </>
          ) : (
            <ul class="facts">
              {facts.map((f) => (
                <Fact key={f.text} fact={f} />
              ))}
            </ul>
          )}
          {relations.length > 0 && (
            <ul class="relations" aria-label={t('connectionsOnPage')}>
              {relations.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <div class="foot">
            <span>{newest ? t('cardAsOf', formatAsOf(newest)) : ''}</span>
            {more && (
              <a href={more} target="_blank" rel="noopener noreferrer">
                {t('cardMoreAbout', name)}
              </a>
            )}
          </div>
        </>
      )}
    </div>
  );
}
