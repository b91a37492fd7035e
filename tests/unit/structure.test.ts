// The article first: what Backstory reads on a page with menus, rails, share bars and footers.
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../src/content/scan';
import { isLabelText, pageStructure, WHOLE_PAGE } from '../../src/content/structure';

const PROSE =
  'Anthropic said on Tuesday it would train its next Claude models on Trainium chips in Amazon data centres, a deal worth billions.';

/** A news page: banner menu, article with its header, share bar, rail, comments, cookie notice, footer. */
const NEWS_PAGE = `
  <header><nav><a>Amazon Alexa</a> · <a>Apple HomeKit</a> · <a>Google Home</a></nav></header>
  <main>
    <article>
      <header><h1>Anthropic bets on Trainium</h1><p class="byline">By A. Writer</p></header>
      <p>${PROSE}</p><p>${PROSE}</p>
      <div class="share-bar"><a>Share on Facebook</a> <a>Tumblr</a> <a>Google+</a></div>
      <p>Ads by Google</p>
    </article>
    <aside class="rail"><h3>More stories</h3><p>Alibaba opens a hotel in Hangzhou</p></aside>
    <section id="comments"><p>Microsoft did it first, says a commenter.</p></section>
  </main>
  <div class="cookie-consent">We and Google use cookies.</div>
  <footer><p>© 2016 Microsoft</p></footer>`;

const texts = async (html: string, whole = false) => {
  document.body.innerHTML = html;
  const blocks = await collectBlocks(
    document.body,
    undefined,
    undefined,
    undefined,
    whole ? WHOLE_PAGE : pageStructure(document),
  );
  return blocks.map((b) => b.text.trim());
};

describe('the article first', () => {
  it('reads the headline and the article, and leaves menus, share bars, ads, rails, comments, consent and footers', async () => {
    expect(await texts(NEWS_PAGE)).toEqual(['Anthropic bets on Trainium', 'By A. Writer', PROSE, PROSE]);
  });

  it('reads everything when the reader asks for the whole page', async () => {
    const all = (await texts(NEWS_PAGE, true)).join(' | ');
    expect(all).toContain('Share on Facebook');
    expect(all).toContain('Alibaba opens a hotel');
    // Ad labels and copyright lines stay out even then: they name companies without being news.
    expect(all).not.toContain('© 2016 Microsoft');
  });

  it('finds the densest block of paragraphs on a page without landmarks', async () => {
    const html = `<div class="top"><a>OpenAI</a> <a>Nvidia</a></div>
      <div id="story"><h1>Headline</h1><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>
      <div class="links"><p>Google and Microsoft sponsor this site.</p></div>`;
    expect(await texts(html)).toEqual(['Headline', PROSE, PROSE, PROSE, PROSE]);
  });

  it('reads a page with no clear structure whole, as before', async () => {
    expect(await texts('<div>Nvidia</div><div>OpenAI</div>')).toEqual(['Nvidia', 'OpenAI']);
  });

  it('reads every article of a front page, and furniture labelled by role or aria-label stays out', async () => {
    const html = `<div role="navigation"><a>Meta</a></div>
      <article><p>${PROSE}</p></article><article><p>${PROSE} Again.</p></article>
      <div aria-label="Related stories"><p>Alibaba in brief</p></div>`;
    expect(await texts(html)).toEqual([PROSE, `${PROSE} Again.`]);
  });

  it('knows ad labels, copyright lines and image file names', () => {
    expect(isLabelText('Ads by Google')).toBe(true);
    expect(isLabelText('© 2016 Microsoft')).toBe(true);
    expect(isLabelText('nvidia-h100-press.jpg')).toBe(true);
    expect(isLabelText('Microsoft said © notices matter.')).toBe(false);
  });
});
