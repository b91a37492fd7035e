/**
 * When the page's article was published, read from the page itself (never fetched): JSON-LD
 * `datePublished` (also inside `@graph` and arrays), `article:published_time` and similar meta
 * tags, a `<time datetime>` in the article's header, or a date in the address (`/2024/03/27/`).
 * Where sources disagree, the article's own beats the page's: a NewsArticle's date over a
 * WebPage's, a meta tag over a date in the address.
 */

/** Schema.org types that are an article (their date is the article's own). */
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|Review)$/;

/** Meta tags that carry a publication date, the most specific first. */
const META = [
  'article:published_time',
  'og:article:published_time',
  'article.published',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'date',
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/** A plausible calendar date (the web's news, not the future) as YYYY-MM-DD, or null. */
export function toIsoDate(value: unknown, today = new Date().toISOString().slice(0, 10)): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let iso: string | null = null;
  const m = ISO.exec(text);
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  else if (/^\d{8}$/.test(text)) iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  else {
    // "Wed, 27 Mar 2024 10:00:00 GMT", "March 27, 2024": what Date reads unambiguously.
    if (!/[A-Za-z]{3}/.test(text) || !/\b\d{4}\b/.test(text)) return null;
    const t = Date.parse(text);
    if (Number.isNaN(t)) return null;
    iso = new Date(t).toISOString().slice(0, 10);
  }
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return null;
  if (iso < '1995-01-01' || iso > today) return null;
  return iso;
}

type Found = { date: string; own: boolean };

/** Dates in one JSON-LD value: article types' `datePublished` are the article's own. */
function fromJsonLd(value: unknown, out: Found[], depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) fromJsonLd(v, out, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
  const own = types.some((t) => ARTICLE_TYPES.test(t));
  const date = toIsoDate(o.datePublished) ?? toIsoDate(o.dateCreated);
  if (date) out.push({ date, own });
  if (o['@graph']) fromJsonLd(o['@graph'], out, depth + 1);
  if (o.mainEntity) fromJsonLd(o.mainEntity, out, depth + 1);
  if (o.mainEntityOfPage && typeof o.mainEntityOfPage === 'object') fromJsonLd(o.mainEntityOfPage, out, depth + 1);
}

/** A date written in the address: /2024/03/27/, /2024-03-27-, /20240327/. */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(path);
  return m ? toIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** The publication date of the page's article (YYYY-MM-DD), or null when the page does not say. */
export function findArticleDate(doc: Document = document, url = doc.location?.href ?? ''): string | null {
  // 1. JSON-LD: the article's own date first; a page's (WebPage) only if no article says.
  const found: Found[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      fromJsonLd(JSON.parse(script.textContent ?? ''), found);
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  const own = found.find((f) => f.own);
  if (own) return own.date;
  // 2. Meta tags (property, name or itemprop), the most specific first.
  for (const key of META) {
    const el = doc.querySelector(
      `meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`,
    ) as HTMLMetaElement | null;
    const date = toIsoDate(el?.content);
    if (date) return date;
  }
  // 3. A <time> marked as the publication date, or the first in the article's header.
  const time =
    doc.querySelector('time[itemprop="datePublished"], time[pubdate]') ??
    doc.querySelector(
      'article header time[datetime], article time[datetime], header time[datetime], main time[datetime]',
    );
  const fromTime = toIsoDate(time?.getAttribute('datetime') ?? time?.getAttribute('content'));
  if (fromTime) return fromTime;
  // 4. A page-level JSON-LD date, then the address.
  return found[0]?.date ?? dateInUrl(url);
}
