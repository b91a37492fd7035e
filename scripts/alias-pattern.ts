/** A trie of aliases, one node per code point; `end` marks a complete alias. */
type TrieNode = { next: Map<string, TrieNode>; end: boolean };

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const escapeRe = (s: string) => s.replace(SYNTAX, '\\$&');

/**
 * Compiles aliases into one prefix-factored alternation (`A(?:WS|mazon(?: Web Services)?)`).
 * A flat alternation of hundreds of names makes V8 try each name at every position;
 * the trie lets it follow one branch per character, and greedy `?` tries longer names first.
 */
export function aliasPattern(aliases: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const alias of aliases) {
    let node = root;
    for (const ch of alias) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

function emit(node: TrieNode): string {
  const branches: string[] = [];
  for (const [ch, child] of node.next) {
    let literal = escapeRe(ch);
    let cur = child;
    // Collapse single-child chains into one literal.
    while (!cur.end && cur.next.size === 1) {
      const [[c, n]] = cur.next as unknown as [[string, TrieNode]];
      literal += escapeRe(c);
      cur = n;
    }
    branches.push(literal + emit(cur));
  }
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  return branches.length === 1 && body.length > 1 ? `(?:${body})?` : `${body}?`;
}
