/**
 * Characters that join or split words without showing: the soft hyphen, zero-width space and
 * joiners, the word joiner and the byte-order mark. Pages put them inside names ("Nvi\u00addia" for
 * hyphenation, "Open\u200bAI" to allow a line break); a name is matched as if they were not there.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

const isInvisible = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/**
 * The text without invisible characters, and where each of its positions was in the original
 * (one more entry than its length, for end offsets); null when there is none to remove, which is
 * nearly always.
 */
export function withoutInvisible(text: string): { text: string; at: Int32Array } | null {
  if (!INVISIBLE.test(text)) return null;
  const at = new Int32Array(text.length + 1);
  let clean = '';
  let run = 0;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInvisible(text.charCodeAt(i))) {
      at[k++] = i;
      continue;
    }
    // The visible stretch before it, in one piece.
    clean += text.slice(run, i);
    run = i + 1;
  }
  clean += text.slice(run);
  at[k] = text.length;
  return { text: clean, at: at.subarray(0, k + 1) };
}
