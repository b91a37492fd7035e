// Real news excerpts put inside the page furniture of real news sites: menus, share bars, ad
// labels, "more stories" rails, cookie notices, comments and footers, all naming AI companies.
// Shared by `npm run eval` (every excerpt, three layouts) and the e2e test of the article finder.

/** How sites mark their furniture: HTML landmarks, class names only, or ARIA roles. */
export type Layout = 'landmarks' | 'classes' | 'roles';
export const LAYOUTS: readonly Layout[] = ['landmarks', 'classes', 'roles'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Furniture as it reads on real sites (the examples): AI names everywhere.
const MENU =
  '<a href="#">Amazon Alexa</a> · <a href="#">Apple HomeKit</a> · <a href="#">Google Home</a> · <a href="#">OpenAI</a> · <a href="#">Nvidia</a>';
const SHARE =
  '<a href="#">Share on Facebook</a> <a href="#">Tumblr</a> <a href="#">Google+</a> <a href="#">LinkedIn</a>';
const RAIL = [
  'Microsoft unveils a new Copilot for Windows',
  'Alibaba’s Qwen tops a leaderboard again',
  'Meta hires another OpenAI researcher',
  'Why Nvidia’s Blackwell is sold out',
]
  .map((h) => `<li><a href="#">${h}</a></li>`)
  .join('');
const COOKIE = 'We and our partners, including Google and Microsoft, use cookies to personalise ads.';
const COMMENT = 'Amazon and Apple did this years ago. Nvidia will win anyway, says a commenter.';
const FOOTER = '© 2026 Microsoft · Ads by Google · Powered by Amazon Web Services';

/** A page: the excerpt's paragraphs as the article (`data-eval="article"`), furniture around it. */
export function pageWithFurniture(title: string, paragraphs: readonly string[], layout: Layout): string {
  const body = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>`;
  if (layout === 'landmarks')
    return `${head}
<header><nav>${MENU}</nav></header>
<main>
  <article data-eval="article"><h1>${esc(title)}</h1>${body}
    <div class="share-bar">${SHARE}</div></article>
  <aside><h2>More stories</h2><ul>${RAIL}</ul></aside>
  <section id="comments"><h2>Comments</h2><p>${COMMENT}</p></section>
</main>
<div class="cookie-consent"><p>${COOKIE}</p></div>
<footer><p>${FOOTER}</p></footer></body></html>`;
  if (layout === 'classes')
    return `${head}
<div id="top-menu" class="menu">${MENU}</div>
<div class="wrapper">
  <div class="story-body" data-eval="article"><h1>${esc(title)}</h1>${body}</div>
  <div class="social-share">${SHARE}</div>
  <div class="sidebar"><h3>Trending</h3><ul>${RAIL}</ul></div>
  <div id="disqus_thread" class="comments"><p>${COMMENT}</p></div>
</div>
<div class="gdpr-banner"><p>${COOKIE}</p></div>
<div class="site-footer"><p>${FOOTER}</p></div></body></html>`;
  return `${head}
<div role="banner"><div role="navigation">${MENU}</div></div>
<div role="main" data-eval="article"><h1>${esc(title)}</h1>${body}</div>
<div role="complementary" aria-label="More stories"><ul>${RAIL}</ul></div>
<div aria-label="Comments"><p>${COMMENT}</p></div>
<div role="dialog" aria-label="Cookie consent"><p>${COOKIE}</p></div>
<div role="contentinfo"><p>${FOOTER}</p></div></body></html>`;
}

/**
 * A real excerpt's text as a page with furniture: its first paragraph the headline (cut to 140
 * characters), the rest the article (the headline too, when it is all there is).
 */
export function excerptWithFurniture(text: string, layout: Layout): string {
  const [title = '', ...rest] = text.split(/\n\s*\n/);
  return pageWithFurniture(title.slice(0, 140), rest.length > 0 ? rest : [title], layout);
}

/**
 * Runs in the page: Backstory's highlights inside the article and outside it, with the text of
 * those outside (read through the page's own highlight registry).
 */
export function highlightPlacesInPage(): { inside: number; outside: string[] } {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const article = document.querySelector('[data-eval="article"]');
  let inside = 0;
  const outside: string[] = [];
  for (const [name, h] of registry) {
    if (!name.startsWith('backstory-') || name === 'backstory-active') continue;
    for (const r of h) {
      const node = r.startContainer;
      if (article?.contains(node)) inside++;
      else outside.push(node.textContent?.slice(r.startOffset, r.endOffset) ?? '');
    }
  }
  return { inside, outside };
}
