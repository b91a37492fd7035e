/**
 * What a page's article is, and what is page furniture around it, the way reader modes decide:
 * the article and main landmarks, or else the densest block of paragraphs; and, wherever they
 * are, menus, banners and footers, share and social bars, cookie and consent notices, comment
 * sections, "related" and "more stories" rails and sidebars. Backstory reads the article (the
 * headline is part of it) and leaves the furniture alone: "Share on Facebook" is not news. A
 * page without clear structure is read whole, as before.
 */

/** Tags that are furniture wherever they stand. */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'dialog', 'menu']);

/** Landmark roles that are furniture. */
const FURNITURE_ROLES = new Set([
  'navigation',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
]);

/** Words in a class, id or label that mark furniture (whole words of a class or id). */
const FURNITURE_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|masthead|footer|share|sharing|social|related|recommended|recommendations|recirc|more-stories|morestories|trending|popular|most-read|mostread|cookie|cookies|consent|gdpr|comment|comments|disqus|newsletter|subscribe|signup|promo|advert|advertisement|ad|ads|adslot|ad-slot|sponsor|sponsored|outbrain|taboola|breadcrumb|breadcrumbs|sidebar|rail|toolbar|paywall|tags)(?:$|[\s_-])/i;

/** Labels of furniture regions (`aria-label`). */
const FURNITURE_LABELS =
  /share|social|related|more stories|comments|cookie|consent|advert|sponsor|newsletter|navigation|menu|footer/i;

/** Blocks that are an ad label, a copyright line or a file name, wherever they stand. */
const LABEL_TEXT =
  /^\s*(?:advertisement|ads? by \w+|sponsored(?: content| by \w+)?|ad|©|\(c\)|copyright\b)|^\s*\S+\.(?:jpe?g|png|gif|webp|avif|svg)\s*$/i;

/** True for a block whose text is an ad label, a copyright line or an image file name. */
export const isLabelText = (text: string): boolean => text.length < 120 && LABEL_TEXT.test(text);

/** The page's structure: where its article is (null: read the whole page), and what is furniture. */
export type Structure = {
  /** The article's elements (several on a front page or live blog), or null when the page has no clear one. */
  roots: Element[] | null;
  /** True for an element that is furniture itself (its text is not read). */
  furniture(el: Element): boolean;
  /** True for a block element inside the article (or the headline). */
  inArticle(el: Element): boolean;
};

/** The whole page, furniture included: the reader's choice in the options. */
export const WHOLE_PAGE: Structure = { roots: null, furniture: () => false, inArticle: () => true };

function isFurniture(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return false;
  // A header is the page's banner unless it holds the headline (an article's own header does).
  if (tag === 'header') return !el.querySelector('h1');
  if (FURNITURE_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && (FURNITURE_ROLES.has(role) || (role === 'banner' && !el.querySelector('h1')))) return true;
  const words = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (FURNITURE_WORDS.test(words)) return true;
  const label = el.getAttribute('aria-label');
  return label !== null && FURNITURE_LABELS.test(label);
}

/**
 * The length of an element's text, counted up to just past `cap`: text nodes are counted until
 * the answer is known, rather than reading `textContent`, which copies all of it (a paragraph
 * can be one 5 MB text node).
 */
function textUpTo(el: Element, cap: number): number {
  const walker = (el.ownerDocument ?? document).createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t && n <= cap; t = walker.nextNode()) n += (t as Text).length;
  return n;
}

/** Paragraphs longer than this count as this long: the densest block is about where prose is, not one giant. */
const PARAGRAPH_CAP = 10_000;

/** Paragraph text by element: where the prose of a page without landmarks sits. */
function densest(doc: Document): Element | null {
  const score = new Map<Element, number>();
  let total = 0;
  for (const p of doc.querySelectorAll('p')) {
    const n = Math.min(textUpTo(p, PARAGRAPH_CAP), PARAGRAPH_CAP);
    if (n < 60) continue;
    total += n;
    const parent = p.parentElement;
    if (parent) score.set(parent, (score.get(parent) ?? 0) + n);
    const grand = parent?.parentElement;
    if (grand) score.set(grand, (score.get(grand) ?? 0) + n / 2);
  }
  let best: Element | null = null;
  let top = 0;
  for (const [el, n] of score) {
    if (n > top) {
      best = el;
      top = n;
    }
  }
  // Clear only when one element holds most of the page's prose.
  return best && total > 400 && top >= total * 0.5 ? best : null;
}

/**
 * Decides where a page's article is. Articles (`<article>`, `itemprop=articleBody`) outside
 * furniture first, then `<main>`, then the densest block of paragraphs; none: no clear structure.
 */
export function pageStructure(doc: Document = document): Structure {
  const memo = new Map<Element, boolean>();
  /** True when the element or an ancestor is furniture (memoised up the tree). */
  const inFurniture = (el: Element): boolean => {
    // Up to the first ancestor already judged, then down again: a loop, not a recursion, for
    // pages nested thousands deep.
    const chain: Element[] = [];
    for (let e: Element | null = el; e && !memo.has(e); e = e.parentElement) chain.push(e);
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i] as Element;
      memo.set(e, (e.parentElement !== null && memo.get(e.parentElement) === true) || isFurniture(e));
    }
    return memo.get(el) === true;
  };
  let roots: Element[] = [...doc.querySelectorAll('article, [itemprop="articleBody"]')].filter(
    (el) => !inFurniture(el) && textUpTo(el, 200) > 200,
  );
  // Nested ones (an articleBody inside its article) count once: a walk up from each, not a pass
  // over every other (a front page has hundreds).
  const found = new Set<Element>(roots);
  roots = roots.filter((r) => {
    for (let e = r.parentElement; e; e = e.parentElement) if (found.has(e)) return false;
    return true;
  });
  if (roots.length === 0) {
    const main = doc.querySelector('main, [role="main"]');
    if (main && textUpTo(main, 200) > 200) roots = [main];
  }
  if (roots.length === 0) {
    const dense = densest(doc);
    if (dense) roots = [dense];
  }
  const clear = roots.length > 0 ? roots : null;
  const rootSet = new Set<Node>(clear ?? []);
  /** Nodes known to be inside an article root (or not): a walk up stops at the first one known. */
  const inside = new Map<Node, boolean>();
  return {
    roots: clear,
    // Furniture that holds the article (a page-wide wrapper with "sidebar" in its class) is not
    // furniture, nor is an article's own header.
    furniture: (el) =>
      isFurniture(el) && !(clear ?? []).some((r) => el.contains(r) || (el.localName === 'header' && r.contains(el))),
    inArticle(el) {
      if (!clear || el.localName === 'h1') return true;
      // Up from the element to the first node whose answer is known, or a root, through the
      // shadow roots of components: one walk per block, never a pass over every root (a front
      // page has hundreds of articles).
      const path: Node[] = [];
      let result = false;
      for (let n: Node | null = el; n; ) {
        const known = inside.get(n);
        if (known !== undefined) {
          result = known;
          break;
        }
        if (rootSet.has(n)) {
          result = true;
          break;
        }
        path.push(n);
        const up: Node | null = n.parentNode;
        n = up && up.nodeType === 11 ? ((up as ShadowRoot).host ?? null) : up;
      }
      for (const p of path) inside.set(p, result);
      return result;
    },
  };
}
