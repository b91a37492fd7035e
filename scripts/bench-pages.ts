/** Pages the benchmark generates: original text naming entities from the knowledge file. */

const SENTENCES = [
  'Anthropic said it would train its next Claude models on Trainium chips in AWS data centers.',
  'Amazon has now committed billions of dollars to the startup, which remains a minority investment.',
  'Nvidia still sells most of the GPUs used for training, and its H100 remains in short supply.',
  'The Competition and Markets Authority looked at the deal and decided it did not qualify for a full review.',
  'Microsoft and OpenAI renegotiated their agreement as the Federal Trade Commission studied AI partnerships.',
  'Google offered its TPU capacity to outside labs, while Meta expanded its own MTIA program.',
  'Engineers compared Inferentia with the H200 on inference cost per token for large models.',
  'The European Commission asked whether the investment could be reviewed under merger rules.',
  'Analysts expect spending on accelerators to keep rising as models grow and new data centers open.',
  'Reporters noted that the weather in Seattle was mild and the conference hall was full by noon.',
  'Several founders said the cost of compute, not talent, now decides which startups survive.',
  'TSMC makes most of the advanced chips in this market, including the B200 and the MI300X.',
];

const paragraph = (seed: number, sentences: number) => {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(SENTENCES[(seed * 7 + i * 5) % SENTENCES.length] as string);
  return `<p>${out.join(' ')}</p>`;
};

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;

/** One article of about `target` words. */
export function article(seed: number, target = 1500): string {
  const parts = [`<article><h2>Story ${seed}: the compute race</h2>`];
  let n = 0;
  for (let i = 0; n < target; i++) {
    const p = paragraph(seed + i, 6);
    parts.push(p);
    n += words(p);
  }
  parts.push('</article>');
  return parts.join('\n');
}

const shell = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}${script}</body></html>`;

/** A typical article page (~1,500 words). */
export const articlePage = () => shell('A typical article', article(1));

/** A page of at least `bytes` of many articles. */
export function bigPage(bytes = 1_100_000): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const a = article(i, 400);
    parts.push(a);
    size += a.length;
  }
  return shell('Front page: every story', parts.join('\n'));
}

/** A page that appends a ~5 KB article every 100 ms, `count` times, then sets `window.appendDone`. */
export function appendPage(count = 20): string {
  const chunk = appendChunk();
  const script = `<script>
    const chunk = ${JSON.stringify(chunk)};
    let n = 0;
    window.appendDone = false;
    window.startAppending = () => {
      const timer = setInterval(() => {
        const div = document.createElement('div');
        div.innerHTML = chunk;
        document.body.append(div);
        if (++n === ${count}) { clearInterval(timer); window.appendDone = true; }
      }, 100);
    };
  </script>`;
  return shell('Live blog', article(5, 800), script);
}

/** The appended article: about 5 KB of HTML. */
export const appendChunk = () => article(99, 700);

/** Size in bytes of the appended chunk. */
export const appendChunkBytes = () => appendChunk().length;

// Bad input (issue 17): pages no reader should meet, which must still not freeze the tab.

/** An AI paragraph inside `depth` nested elements, in a `<main>`. */
export function deepPage(depth: number): string {
  const p =
    '<p>Anthropic said it would train new models on Trainium chips in AWS data centers, as Nvidia shipped more GPUs.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deep</title></head><body><main>${'<div>'.repeat(depth)}${p}${'</div>'.repeat(depth)}</main></body></html>`;
}

/** One paragraph of a single text node of about `bytes` characters, an AI sentence among every fifty. */
export function oneNodePage(bytes: number): string {
  const ai = 'Anthropic trains its AI models on Trainium chips while Nvidia sells GPUs to every cloud. ';
  const filler = 'The committee met again on Tuesday and agreed to review the figures next month. ';
  const stretch = ai + filler.repeat(49);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One node</title></head><body><main><h1>One huge node</h1><p>${stretch.repeat(Math.ceil(bytes / stretch.length))}</p></main></body></html>`;
}

/** One paragraph of `nodes` text nodes (split by empty inline elements), AI names among every hundred. */
export function manyNodesPage(nodes: number): string {
  const ai = ['Anthropic ', 'trains ', 'AI ', 'models ', 'on ', 'Trainium ', 'chips; ', 'Nvidia ', 'sells ', 'GPUs. '];
  const filler = ['the ', 'committee ', 'met ', 'again ', 'and ', 'agreed ', 'to ', 'review ', 'the ', 'figures. '];
  const parts: string[] = [];
  for (let i = 0; i < nodes; i++) parts.push(`${(i % 100 < 10 ? ai : filler)[i % 10]}<i></i>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many nodes</title></head><body><main><h1>Many nodes</h1><p>${parts.join('')}</p></main></body></html>`;
}
