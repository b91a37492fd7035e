import type { Category } from '../knowledge/categories';
import type { Placed } from './paint';
import { locate, type TextBlock } from './scan';

/**
 * A mention whose StaticRange is made when first asked for: on a huge page only the blocks
 * near the viewport are painted, so most ranges are never needed. A class, not an object
 * literal with a getter: one shared accessor keeps creating tens of thousands of them cheap.
 */
export class LazyPlaced implements Placed {
  private made: StaticRange | null = null;
  constructor(
    readonly entityId: string,
    readonly category: Category,
    private readonly block: TextBlock,
    private readonly startContainer: Text,
    private readonly startOffset: number,
    private readonly end: number,
    /** The name as the page wrote it (the card says why it leads here when the alias has a note). */
    readonly alias?: string,
    /** A generation of a versioned family the knowledge has no entity for ("Gaudi 4"). */
    readonly generation?: string,
  ) {}
  get element(): Element {
    return this.block.element;
  }
  get range(): StaticRange {
    if (!this.made) {
      const end = locate(this.block, this.end, true);
      this.made = new StaticRange({
        startContainer: this.startContainer,
        startOffset: this.startOffset,
        endContainer: end[0],
        endOffset: end[1],
      });
    }
    return this.made;
  }
}

/**
 * False when text sits in an element the reader cannot see (display:none and friends). Asked
 * only where a name was found, so most of a page never costs a style lookup; `seen` keeps the
 * answers of one pass.
 */
export function visible(parent: Element, seen: Map<Element, boolean>): boolean {
  if (typeof parent.checkVisibility !== 'function') return true;
  let shown = seen.get(parent);
  if (shown === undefined) {
    shown = parent.checkVisibility();
    seen.set(parent, shown);
  }
  return shown;
}

/** True when a caret position (`node`, `offset`) lies inside a placed mention's range. */
export function covers(p: Placed, node: Node, offset: number): boolean {
  const r = p.range;
  if (r.startContainer !== node && r.endContainer !== node) {
    // A mention spanning several text nodes covers the ones in between.
    return (
      (r.startContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
      (node.compareDocumentPosition(r.endContainer) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
    );
  }
  const from = r.startContainer === node ? r.startOffset : 0;
  const to = r.endContainer === node ? r.endOffset : (node as Text).data.length;
  return offset >= from && offset <= to;
}
