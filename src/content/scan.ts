import type { SliceTimer } from './slice';
import { isLabelText, type Structure, WHOLE_PAGE } from './structure';

/** A text node, where its text starts in its block's joined text, and the element it sits in. */
export type Segment = { node: Text; start: number; parent: Element };

/** The text of one block (paragraph, heading, cell), joined across inline markup. */
export type TextBlock = { text: string; segments: Segment[]; element: Element };

/** Elements whose text is not prose, or not ours to touch. */
/** Elements whose text is never prose (shared with scripts/corpus.ts, which scores the same blocks). */
export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Inline elements: text on both sides of them belongs to the same block. */
/** Inline elements: text around them joins into their parent's block. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'label',
]);

const SVG_NS = 'http://www.w3.org/2000/svg';
const ELEMENT = 1;
/** Text with something besides spaces: tested, not trimmed (trimming copies every text node). */
const NOT_BLANK = /\S/;

/**
 * Collects the page's prose into blocks, without touching the DOM (hidden text is dropped later,
 * only where a name was found: see page-index).
 * Collect first, act later: nothing is painted while the walker runs.
 * Verdicts are memoised per element, so each element is judged once per scan. Open shadow roots
 * are collected too, and handed to `onShadowRoot` (the page observer watches them).
 */
export async function collectBlocks(
  root: Node,
  timer?: SliceTimer,
  signal?: AbortSignal,
  onShadowRoot?: (shadow: ShadowRoot) => void,
  structure: Structure = WHOLE_PAGE,
): Promise<TextBlock[]> {
  /**
   * Each element's block (what {@link blockElementOf} answers: itself, or for inline markup its
   * parent's), or null where its text is not ours (a skipped element, or inside one). One memo
   * for both: a page's elements are asked once each, with as few DOM calls as can answer (most
   * elements have no attributes at all).
   */
  const blockOf = new Map<Element, Element | null>();
  const allowed = (el: Element): boolean =>
    !SKIP.has(el.localName) &&
    el.namespaceURI !== SVG_NS &&
    !(
      el.hasAttributes() &&
      ((el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') ||
        el.hasAttribute('hidden'))
    ) &&
    // Menus, share bars, rails, comments, footers: not the article (structure.ts).
    !structure.furniture(el);
  const blockIfAllowed = (el: Element): Element | null => {
    const known = blockOf.get(el);
    if (known !== undefined) return known;
    // The ancestors not judged yet, judged top-down in a loop: pages nest thousands deep, and a
    // recursion that deep would overflow the stack.
    const chain: Element[] = [];
    for (let e: Element | null = el; e && !blockOf.has(e); e = e.parentElement) chain.push(e);
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i] as Element;
      const parent = e.parentElement;
      const above = parent ? (blockOf.get(parent) ?? null) : e;
      blockOf.set(e, above !== null && allowed(e) ? (parent && INLINE.has(e.localName) ? above : e) : null);
    }
    return blockOf.get(el) ?? null;
  };

  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let currentBlock: Element | null = null;
  /**
   * The current block's text so far, joined a thousand pieces at a time and in full when the
   * block ends: a paragraph of 100,000 text nodes is neither 100,000 concatenations nor one join
   * of 100,000 strings in a single task.
   */
  let parts: string[] = [];
  let joined: string[] = [];
  let length = 0;
  const close = () => {
    if (current && parts.length + joined.length > 0) {
      if (joined.length === 0) current.text = parts.length === 1 ? (parts[0] as string) : parts.join('');
      else {
        joined.push(parts.join(''));
        current.text = joined.join('');
      }
    }
    parts = [];
    joined = [];
    length = 0;
  };
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const shadows: ShadowRoot[] = [];
  let count = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (timer && (++count & 31) === 0 && timer.expired()) await timer.next(signal);
    if (n.nodeType === ELEMENT) {
      // Open shadow roots of the page's components hold prose too; closed ones are private.
      const shadow = (n as Element).shadowRoot;
      if (shadow && blockIfAllowed(n as Element) !== null) shadows.push(shadow);
      continue;
    }
    const node = n as Text;
    // Blank text first: half a page's text nodes are the spaces between its tags.
    const data = node.data;
    if (!NOT_BLANK.test(data)) continue;
    const parent = node.parentElement;
    const block = parent && blockIfAllowed(parent);
    if (!parent || !block) continue;
    if (block !== currentBlock || !current) {
      close();
      currentBlock = block;
      if (!structure.inArticle(block)) {
        current = null;
        continue;
      }
      current = { text: '', segments: [], element: block };
      blocks.push(current);
    }
    if (!current) continue;
    current.segments.push({ node, start: length, parent });
    parts.push(data);
    length += data.length;
    if (parts.length === 1024) {
      joined.push(parts.join(''));
      parts = [];
    }
  }
  close();
  for (const shadow of shadows) {
    onShadowRoot?.(shadow);
    blocks.push(...(await collectBlocks(shadow, timer, signal, onShadowRoot, structure)));
  }
  // Ad labels, copyright lines and image file names name companies without being news.
  return blocks.some((b) => isLabelText(b.text)) ? blocks.filter((b) => !isLabelText(b.text)) : blocks;
}

/** The nearest ancestor-or-self that is not inline: text around inline markup joins there. */
export function blockElementOf(node: Node): Element {
  let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && INLINE.has(el.localName) && el.parentElement) el = el.parentElement;
  return el ?? (node.ownerDocument ?? document).documentElement;
}

/** True for elements whose text flows into their parent's block. */
export const isInline = (el: Element): boolean => INLINE.has(el.localName);

/** Finds the text node and offset of a position in a block's joined text. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): [Text, number] {
  const seg = segmentAt(block, offset, preferEnd);
  return [seg.node, offset - seg.start];
}

/**
 * The segment holding a position in a block's joined text; at a boundary between two, the
 * first with `preferEnd` (a range's end), else the second.
 */
export function segmentAt(block: TextBlock, offset: number, preferEnd: boolean): Segment {
  return block.segments[segmentIndex(block, offset, preferEnd)] as Segment;
}

/** The index of {@link segmentAt}'s segment in the block. */
export function segmentIndex(block: TextBlock, offset: number, preferEnd: boolean): number {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = segs[mid] as Segment;
    if (s.start < offset || (!preferEnd && s.start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
