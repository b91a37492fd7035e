import { describe, expect, it } from 'vitest';
import { dateInUrl, findArticleDate, toIsoDate } from '../../src/content/article-date';

/** A document with this head and body, at this address. */
function page(head: string, body = '<article><h1>Title</h1><p>Text.</p></article>') {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}
const at = (head: string, body?: string, url = 'https://news.example.com/story') =>
  findArticleDate(page(head, body), url);

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('the article date finder', () => {
  it('reads JSON-LD datePublished of a NewsArticle, in a @graph and in an array', () => {
    expect(
      at(ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2024-03-27T09:00:00Z' })),
    ).toBe('2024-03-27');
    expect(
      at(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', name: 'News' },
            { '@type': 'WebPage', datePublished: '2020-01-01' },
            { '@type': ['NewsArticle', 'Article'], datePublished: '2024-03-27T10:15:00+01:00' },
          ],
        }),
      ),
    ).toBe('2024-03-27');
    expect(at(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', datePublished: '2025-11-02' }]))).toBe(
      '2025-11-02',
    );
  });

  it("prefers the article's own date over the page's", () => {
    // A WebPage date and an article meta tag: the meta tag is the article's.
    expect(
      at(
        `${ld({ '@type': 'WebPage', datePublished: '2019-05-05' })}<meta property="article:published_time" content="2024-03-27T08:00:00Z">`,
      ),
    ).toBe('2024-03-27');
    // JSON-LD article beats a different meta date and the address.
    expect(
      at(
        `${ld({ '@type': 'NewsArticle', datePublished: '2024-03-27' })}<meta name="date" content="2024-04-02">`,
        undefined,
        'https://news.example.com/2024/04/02/story',
      ),
    ).toBe('2024-03-27');
  });

  it('reads meta tags: article:published_time, itemprop, parsely and others', () => {
    expect(at('<meta property="article:published_time" content="2023-09-25T12:00:00-04:00">')).toBe('2023-09-25');
    expect(at('<meta itemprop="datePublished" content="2022-11-30">')).toBe('2022-11-30');
    expect(at('<meta name="parsely-pub-date" content="2021-06-01T00:00:00Z">')).toBe('2021-06-01');
    expect(at('<meta name="sailthru.date" content="Wed, 27 Mar 2024 10:00:00 GMT">')).toBe('2024-03-27');
  });

  it('reads a <time datetime> in the article header', () => {
    expect(
      at(
        '',
        '<article><header><h1>T</h1><time datetime="2024-03-27T07:00:00Z">27 March</time></header><p>x</p></article>',
      ),
    ).toBe('2024-03-27');
    expect(at('', '<main><p>By a reporter, <time pubdate datetime="2025-01-15">Jan 15</time></p></main>')).toBe(
      '2025-01-15',
    );
  });

  it('reads a date in the address', () => {
    expect(dateInUrl('https://www.example.com/2024/03/27/amazon-anthropic/')).toBe('2024-03-27');
    expect(dateInUrl('https://www.example.com/news/2024-03-27-amazon')).toBe('2024-03-27');
    expect(dateInUrl('https://www.example.com/story-20240327.html')).toBe('2024-03-27');
    expect(dateInUrl('https://www.example.com/tag/2024/')).toBeNull();
    expect(at('', undefined, 'https://news.example.com/2024/03/27/story')).toBe('2024-03-27');
  });

  it('finds nothing when the page does not say, and ignores junk and the future', () => {
    expect(at('')).toBeNull();
    expect(at('<script type="application/ld+json">{ not json</script><meta name="date" content="soon">')).toBeNull();
    expect(toIsoDate('2999-01-01')).toBeNull();
    expect(toIsoDate('2024-02-30')).toBeNull();
    expect(toIsoDate('1990-01-01')).toBeNull();
    expect(toIsoDate('12/03/2024')).toBeNull();
  });
});
