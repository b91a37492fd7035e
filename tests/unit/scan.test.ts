import { describe, expect, it } from 'vitest';
import { blockElementOf, collectBlocks, locate } from '../../src/content/scan';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

describe('collectBlocks', () => {
  it('joins text across inline markup within one block, and splits blocks', async () => {
    const body = page('<p id="a"><a href="#">Amazon</a> Web Services</p><p id="b">Nvidia <em>H100</em>s</p>');
    const blocks = await collectBlocks(body);
    expect(blocks.map((b) => b.text)).toEqual(['Amazon Web Services', 'Nvidia H100s']);
    expect(blocks.map((b) => (b.element as HTMLElement).id)).toEqual(['a', 'b']);
  });

  it('skips code, forms, editors, scripts, SVG, hidden-attribute elements and our own UI', async () => {
    const body = page(`
      <p>Kept</p><pre>pre</pre><code>code</code><textarea>form</textarea><select><option>opt</option></select>
      <div contenteditable="true">editor <b>bold</b></div><div contenteditable="false">not editable</div>
      <script>script</script><style>.x{}</style><noscript>ns</noscript>
      <svg><text>svg</text></svg><p hidden>hidden</p>`);
    const blocks = await collectBlocks(body);
    expect(blocks.map((b) => b.text.trim())).toEqual(['Kept', 'not editable']);
  });

  it('leaves the DOM exactly as it was', async () => {
    const html = '<p>Anthropic <a href="#">trains</a> on Trainium.</p>';
    const body = page(html);
    await collectBlocks(body);
    expect(body.innerHTML).toBe(html);
  });

  it('finds nothing in an empty page', async () => {
    expect(await collectBlocks(page(''))).toEqual([]);
  });
});

describe('locate', () => {
  it('maps a block offset back to the text node and offset, at segment edges too', async () => {
    const body = page('<p><a>Amazon</a> Web Services</p>');
    const [block] = await collectBlocks(body);
    if (!block) throw new Error('no block');
    const [first, second] = block.segments.map((s) => s.node);
    expect(locate(block, 0, false)).toEqual([first, 0]);
    expect(locate(block, 6, true)).toEqual([first, 6]);
    expect(locate(block, 6, false)).toEqual([second, 0]);
    expect(locate(block, 19, true)).toEqual([second, 13]);
  });
});

describe('blockElementOf', () => {
  it('climbs inline elements to their block', () => {
    page('<div id="d"><span><b id="x">t</b></span></div>');
    expect(blockElementOf(document.getElementById('x') as Element).id).toBe('d');
  });
});
