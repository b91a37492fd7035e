import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Change, observePage } from '../../src/content/observe';

let life: AbortController;
let changes: Change[];
let host: Element | null;

beforeEach(() => {
  document.body.innerHTML = '<main><p id="a">Anthropic <b>trains</b> on Trainium.</p><p id="b">Nvidia.</p></main>';
  life = new AbortController();
  changes = [];
  host = null;
  observePage(
    life.signal,
    () => host,
    (c) => changes.push(c),
  );
});
afterEach(() => life.abort());

/** Waits for the next drain (the observer drains its queue once per animation frame). */
const frame = () => new Promise((r) => setTimeout(r, 40));
const ids = (c: Change | undefined) =>
  c === 'all' || !c
    ? c
    : { roots: c.roots.map((r) => (r as Element).id || (r as Element).localName), removals: c.removals };

describe('the page observer', () => {
  it('queues an added block as its own root', async () => {
    const p = document.createElement('p');
    p.id = 'new';
    p.textContent = 'OpenAI.';
    document.querySelector('main')?.append(p);
    await frame();
    expect(changes.map(ids)).toEqual([{ roots: ['new'], removals: false }]);
  });

  it('rescans the block of edited text and of inline markup added inside it', async () => {
    ((document.querySelector('#b') as Element).firstChild as Text).data = 'Nvidia and AMD.';
    document.querySelector('#a')?.append(document.createElement('em'));
    await frame();
    expect(changes.map(ids)).toEqual([{ roots: ['b', 'a'], removals: false }]);
  });

  it('batches every record of a frame into one change', async () => {
    for (let i = 0; i < 10; i++) document.querySelector('main')?.append(document.createElement('p'));
    await frame();
    expect(changes).toHaveLength(1);
  });

  it('says when blocks were removed', async () => {
    document.querySelector('#b')?.remove();
    await frame();
    expect(changes.map(ids)).toEqual([{ roots: [], removals: true }]);
  });

  it('asks for a full rescan on a flood of more than 1,000 records', async () => {
    const main = document.querySelector('main') as Element;
    for (let i = 0; i < 1001; i++) main.append(document.createTextNode(' '));
    await frame();
    expect(changes).toEqual(['all']);
  });

  it('asks for a full rescan when a single-page app changes its address', async () => {
    history.pushState({}, '', '/next-article');
    document.querySelector('main')?.append(document.createElement('p'));
    await frame();
    expect(changes).toEqual(['all']);
    history.back();
  });

  it('never reacts to changes inside its own UI', async () => {
    host = document.createElement('backstory-ui');
    document.documentElement.append(host);
    await frame();
    changes.length = 0;
    host.append(document.createElement('div'));
    host.textContent = 'card';
    await frame();
    expect(changes).toEqual([]);
    host.remove();
  });

  it('stops when its run ends', async () => {
    life.abort();
    document.querySelector('main')?.append(document.createElement('p'));
    await frame();
    expect(changes).toEqual([]);
  });
});
