import type { Category } from './categories.ts';
import { type Tie, tieKey, tieText, toTie } from './relations.ts';
import type { Entity, Fact } from './schema.ts';

/**
 * A fact as a card or a timeline shows it: whose file it is on, and the entities it involves.
 * Facts are worded from their own entity's side ("it expanded its deal with Amazon"): shown
 * anywhere else, they carry that entity's name (`entityName`) to say whose they are.
 */
export type FactView = Fact & { entityId: string; entityName?: string };

/** A tie between two entities, worded once (see relations.ts), and the entity at its other end (id and key). */
export type TieView = Tie & { text: string; other: string; otherKey: string };

/** What a card shows of an entity: every fact it is in (its own and others' that involve it), and its ties. */
export type EntityDetails = {
  id: string;
  name: string;
  category: Category;
  summary: string;
  url?: string;
  /** Alias → note (why "Facebook" leads to Meta). */
  notes: Record<string, string>;
  /** Its own facts, in the file's order (the first says what it is). */
  facts: FactView[];
  /** Facts on other entities' files that involve this one, oldest first. */
  involvedIn: FactView[];
  ties: TieView[];
  /** The family it is a generation of, if any. */
  family?: { id: string; name: string };
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Looks entities up by id, words their ties and finds the facts that involve them: the one
 * place the card (through the background) and the popup ask, so they never disagree.
 * Ties and facts that name an entity not installed (a removed pack's) are left out.
 */
export function createDirectory(entities: readonly Entity[], keyOf: (id: string) => string = (id) => id) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  /** id → every tie it is an end of, each tie once whichever side wrote it. */
  const ties = new Map<string, Tie[]>();
  const seen = new Set<string>();
  /** id → facts of other entities that involve it. */
  const involved = new Map<string, FactView[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of entities) {
    for (const r of e.related) {
      if (!byId.has(r.id)) continue;
      const tie = toTie(e.id, r);
      const key = tieKey(tie);
      if (seen.has(key)) continue;
      seen.add(key);
      push(ties, tie.subject, tie);
      push(ties, tie.object, tie);
    }
    for (const f of e.facts) {
      for (const id of f.involves)
        if (byId.has(id) && id !== e.id) push(involved, id, { ...f, entityId: e.id, entityName: e.name });
    }
  }
  for (const list of involved.values()) list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));

  const view = (id: string, t: Tie, now: string): TieView => {
    const other = t.subject === id ? t.object : t.subject;
    return { ...t, text: tieText(t, name, now), other, otherKey: keyOf(other) };
  };

  return {
    get: (id: string): Entity | undefined => byId.get(id),
    name,
    all: (): readonly Entity[] => entities,
    details(id: string, now = today()): EntityDetails | null {
      const e = byId.get(id);
      if (!e) return null;
      const family = e.family && byId.get(e.family);
      return {
        id: e.id,
        name: e.name,
        category: e.category,
        summary: e.summary,
        ...(e.url ? { url: e.url } : {}),
        notes: e.notes,
        facts: e.facts.map((f) => ({ ...f, entityId: e.id })),
        involvedIn: involved.get(id) ?? [],
        ties: (ties.get(id) ?? []).map((t) => view(id, t, now)),
        ...(family ? { family: { id: family.id, name: family.name } } : {}),
      };
    },
    /** The ties between entities of this list, each once, worded subject first. */
    connections(ids: Iterable<string>, now = today()): TieView[] {
      const on = new Set(ids);
      const out: TieView[] = [];
      const done = new Set<Tie>();
      for (const id of on) {
        for (const t of ties.get(id) ?? []) {
          if (done.has(t) || !on.has(t.subject) || !on.has(t.object)) continue;
          done.add(t);
          out.push(view(id, t, now));
        }
      }
      return out;
    },
    /** Every dated fact that involves any of these entities (their own, and others' naming them), oldest first. */
    timeline(ids: Iterable<string>): (FactView & { about: string[] })[] {
      const on = new Set(ids);
      const out: (FactView & { about: string[] })[] = [];
      const keep = new Set<Fact>();
      const add = (f: Fact, entityId: string) => {
        if (keep.has(f)) return;
        keep.add(f);
        const about = [entityId, ...f.involves].filter((x, i, all) => on.has(x) && all.indexOf(x) === i);
        out.push({ ...f, entityId, about });
      };
      for (const id of on) {
        const e = byId.get(id);
        for (const f of e?.facts ?? []) add(f, id);
        for (const f of involved.get(id) ?? []) {
          const owner = byId.get(f.entityId);
          const original = owner?.facts.find((x) => x.text === f.text && x.asOf === f.asOf);
          if (original) add(original, f.entityId);
        }
      }
      return out.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
    },
  };
}

/** The directory's interface. */
export type Directory = ReturnType<typeof createDirectory>;
