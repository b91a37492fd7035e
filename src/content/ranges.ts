/** A live Range over a StaticRange's ends: what layout questions (boxes, text) need. */
export function liveRange(r: AbstractRange): Range {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live;
}
