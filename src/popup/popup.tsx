import knowledge from 'backstory:knowledge';
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../knowledge/schema';
import type { EntityCount, PageState } from '../lib/messages';
import type { Connector } from './connector';

const HEADINGS: Record<Category, string> = {
  company: 'Companies',
  chip: 'Chips',
  regulator: 'Regulators',
  product: 'Models & products',
  person: 'People',
};

const byId = new Map(knowledge.map((e) => [e.id, e]));

/** Relations from the knowledge file between entities this page names, one line per pair. */
export function connections(ids: Iterable<string>): string[] {
  const onPage = new Set(ids);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const id of onPage) {
    const e = byId.get(id);
    for (const r of e?.related ?? []) {
      const pair = [id, r.id].sort().join(' ');
      if (!onPage.has(r.id) || seen.has(pair)) continue;
      seen.add(pair);
      lines.push(`${e?.name} ${r.label} ${byId.get(r.id)?.name ?? r.id}`);
    }
  }
  return lines;
}

type Phase = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; state: PageState };

function Groups({ entities, onShow }: { entities: EntityCount[]; onShow: (id: string) => void }) {
  return (
    <>
      {CATEGORIES.map((category) => {
        const rows = entities.filter((e) => e.category === category).sort((a, b) => b.count - a.count);
        if (rows.length === 0) return null;
        return (
          <section key={category} class="group" aria-label={HEADINGS[category]}>
            <h2 class={`heading ${category}`}>
              {HEADINGS[category]} <span class="n">{rows.length}</span>
            </h2>
            <ul>
              {rows.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class="row"
                    data-entity={e.id}
                    title={byId.get(e.id)?.summary}
                    onClick={() => onShow(e.id)}
                  >
                    <span class="entity">{e.name}</span>
                    <span class="count">
                      {e.count}
                      <span class="sr"> mentions</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The toolbar popup: what the page mentions, and the switch for this site. */
export function Popup({ connector }: { connector: Connector }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const refresh = async () => {
    const state = await connector.getState();
    setPhase(state ? { kind: 'ready', state } : { kind: 'unavailable' });
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (phase.kind === 'loading')
    return (
      <main class="popup">
        <p class="status">Reading this page…</p>
      </main>
    );
  if (phase.kind === 'unavailable') {
    return (
      <main class="popup">
        <h1>Backstory</h1>
        <p class="status">
          Backstory can’t run on this page. Browser pages and extension stores are off limits to extensions.
        </p>
      </main>
    );
  }
  const { state } = phase;
  const toggle = async (on: boolean) => {
    setPhase({ kind: 'ready', state: { ...state, enabled: on } });
    await connector.setSiteEnabled(state.hostname, on);
    // The page repaints on the storage change; read its new state back.
    setTimeout(() => void refresh(), 150);
  };
  const anyway = async () => {
    const next = await connector.highlightAnyway();
    if (next) setPhase({ kind: 'ready', state: next });
  };
  const links = connections(state.entities.map((e) => e.id));
  return (
    <main class="popup">
      <header class="top">
        <h1>Backstory</h1>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={state.enabled}
            checked={state.enabled}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
          <span>On for {state.hostname}</span>
        </label>
      </header>
      {!state.enabled && <p class="status">Backstory is off for {state.hostname}. Nothing is highlighted here.</p>}
      {state.enabled && !state.relevant && !state.forced && (
        <div class="status">
          <p>This page does not look like AI news, so nothing is highlighted.</p>
          <button type="button" class="action" onClick={() => void anyway()}>
            Highlight anyway
          </button>
        </div>
      )}
      {state.enabled && (state.relevant || state.forced) && state.entities.length === 0 && (
        <p class="status">No known companies, chips or regulators on this page.</p>
      )}
      {state.enabled && state.entities.length > 0 && (
        <>
          <p class="summary">
            {state.entities.length} entities, {state.total} mentions
          </p>
          <Groups entities={state.entities} onShow={(id) => void connector.showEntity(id)} />
          {links.length > 0 && (
            <section class="group" aria-label="Connections on this page">
              <h2 class="heading">Connections on this page</h2>
              <ul class="links">
                {links.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
