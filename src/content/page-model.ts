import type { Category } from '../knowledge/schema';
import type { Matcher, ScannedBlock, Verdict } from '../match';
import { resolveMentions } from '../match';
import type { Placed } from './paint';
import { locate, type TextBlock } from './scan';

/** The mentions of one scan, in document order, with a lookup by text node for hit-testing. */
export type PageModel = {
  placed: Placed[];
  byNode: Map<Text, number[]>;
  verdict: Verdict;
};

/** Decides which candidates to keep and turns them into StaticRanges over the page's text nodes. */
export function buildModel(
  blocks: readonly TextBlock[],
  scanned: readonly ScannedBlock[],
  matcher: Matcher,
  options: { force?: boolean } = {},
): PageModel {
  const { verdict, mentions } = resolveMentions(scanned as ScannedBlock[], options);
  const placed: Placed[] = [];
  const byNode = new Map<Text, number[]>();
  mentions.forEach((list, i) => {
    const block = blocks[i] as TextBlock;
    for (const m of list) {
      const [startNode, startOffset] = locate(block, m.start, false);
      const [endNode, endOffset] = locate(block, m.end, true);
      const range = new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
      const index = placed.length;
      placed.push({ entityId: m.entityId, category: matcher.categoryOf(m.entityId) as Category, range });
      for (const seg of block.segments) {
        if (seg.start >= m.end) break;
        if (seg.start + seg.node.data.length <= m.start) continue;
        const list2 = byNode.get(seg.node);
        if (list2) list2.push(index);
        else byNode.set(seg.node, [index]);
      }
    }
  });
  return { placed, byNode, verdict };
}

/** The index of the mention covering a caret position, or -1. */
export function mentionAt(model: PageModel, node: Node, offset: number): number {
  const candidates = node.nodeType === Node.TEXT_NODE ? model.byNode.get(node as Text) : undefined;
  if (!candidates) return -1;
  for (const i of candidates) {
    const r = (model.placed[i] as Placed).range;
    const from = r.startContainer === node ? r.startOffset : 0;
    const to = r.endContainer === node ? r.endOffset : (node as Text).data.length;
    if (offset >= from && offset <= to) return i;
  }
  return -1;
}

/** Mention counts per entity, most mentioned first. */
export function countEntities(model: PageModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of model.placed) counts.set(p.entityId, (counts.get(p.entityId) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}
