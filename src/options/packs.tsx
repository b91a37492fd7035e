import { useEffect, useState } from 'preact/hooks';
import { addPack, listPacks, type Pack, removePack } from '../lib/packs';
import { takeFile } from './files';
import { type Notice, NoticeLine } from './notice';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Knowledge packs: import a JSON file of extra entities, see what is installed, remove. */
export function Packs() {
  const [packs, setPacks] = useState<Pack[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const load = async () => setPacks(await listPacks());
  useEffect(() => {
    void load();
  }, []);

  const importFile = async (input: HTMLInputElement) => {
    const file = await takeFile(input);
    if (!file) return;
    try {
      const pack = await addPack(file.name, file.text);
      setNotice({
        kind: 'ok',
        text: `Imported “${pack.name}”: ${plural(pack.entities.length, 'entity', 'entities')}.`,
      });
    } catch (error) {
      setNotice({ kind: 'error', text: `Not imported. ${(error as Error).message}` });
    }
    await load();
  };
  const remove = async (name: string) => {
    await removePack(name);
    setNotice({ kind: 'ok', text: `Removed “${name}”.` });
    await load();
  };

  return (
    <section class="panel" aria-labelledby="packs">
      <h2 id="packs">Knowledge packs</h2>
      <p class="hint" id="packs-hint">
        A pack is a JSON file of extra entities, written like Backstory’s built-in knowledge: an array of entries with
        id, name, category, aliases, summary, url, 2 to 5 facts (each dated, with an https source) and related entities.
        Its names are highlighted and carded like the built-in ones; its ids and names must not clash with those already
        installed.
      </p>
      <label class="action file">
        Import a pack…
        <input
          type="file"
          accept=".json,application/json"
          aria-describedby="packs-hint"
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      <NoticeLine id="packs-notice" notice={notice} />
      {packs?.length === 0 && <p class="hint">No packs imported.</p>}
      {packs && packs.length > 0 && (
        <ul class="list">
          {packs.map((p) => (
            <li key={p.name} class="pack">
              <span>
                <span class="name">{p.name}</span>
                <span class="meta">
                  {plural(p.entities.length, 'entity', 'entities')}, imported {day(p.importedAt)}
                </span>
              </span>
              <button
                type="button"
                class="action small"
                aria-label={`Remove pack ${p.name}`}
                onClick={() => void remove(p.name)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
