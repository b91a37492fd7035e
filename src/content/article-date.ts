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

/**
 * The page's meta tags by key (property, name or itemprop, lower-cased) → content; the first of
 * each key wins. One pass over the meta elements: a selector per key would walk the whole page
 * once per key, which on a page of 100,000 elements is a long freeze.
 */
function metaContents(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of doc.getElementsByTagName('meta')) {
    const content = el.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

/**
 * The `<time>` that dates the article: one marked as the publication date, or else the first
 * with a `datetime` inside an article, header or main. One pass over the time elements.
 */
function publicationTime(doc: Document): Element | null {
  let placed: Element | null = null;
  for (const el of doc.getElementsByTagName('time')) {
    if (el.getAttribute('itemprop') === 'datePublished' || el.hasAttribute('pubdate')) return el;
    if (!placed && el.hasAttribute('datetime') && el.closest('article, header, main')) placed = el;
  }
  return placed;
}

/** The publication date of the page's article (YYYY-MM-DD), or null when the page does not say. */
export function findArticleDate(doc: Document = document, url = doc.location?.href ?? ''): string | null {
  // 1. JSON-LD: the article's own date first; a page's (WebPage) only if no article says.
  const found: Found[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      fromJsonLd(JSON.parse(script.textContent ?? ''), found);
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  const own = found.find((f) => f.own);
  if (own) return own.date;
  // 2. Meta tags (property, name or itemprop), the most specific first.
  const meta = metaContents(doc);
  for (const key of META) {
    const date = toIsoDate(meta.get(key.toLowerCase()));
    if (date) return date;
  }
  // 3. A <time> marked as the publication date, or the first in the article, its header or main.
  const time = publicationTime(doc);
  const fromTime = toIsoDate(time?.getAttribute('datetime') ?? time?.getAttribute('content'));
  if (fromTime) return fromTime;
  // 4. A page-level JSON-LD date, then the address.
  return found[0]?.date ?? dateInUrl(url);
}
