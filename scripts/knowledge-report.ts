/**
 * `npm run knowledge:report`: what in the knowledge needs care. Counts per category, entities
 * whose newest fact is older than 12 months (oldest first), aliases shared by several entities,
 * entities tied to no other, facts that name another entity without listing it in `involves`,
 * 2025+ facts with a number but no second source, and facts whose sources are all outside the
 * strong sites of `src/knowledge/sources.yaml`.
 * `npm run knowledge:report -- --json` prints every entity as one JSON array, for other tools.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES } from '../src/knowledge/categories';
import { toNameIndex } from '../src/knowledge/name-index';
import type { Entity } from '../src/knowledge/schema';
import { formatIssue } from '../src/knowledge/validate';
import { compileMatcher, scanBlock } from '../src/match';
import { loadCorpus, loadReal } from './corpus';
import { knowledgeAsOf, knowledgeDir, loadKnowledge } from './knowledge-load';

/** The minimum of each category that the knowledge aims for (issue 16). */
export const TARGETS: Record<string, number> = {
  company: 220,
  chip: 120,
  regulator: 50,
  product: 120,
  person: 100,
  law: 10,
};

/** A 2025+ number: money, a share, a count of units. */
export const NEEDS_SECOND =
  /[$€£¥₩]\s?\d|\d\s?(?:billion|million|trillion|bn|%|percent|GW|MW)\b|\b\d{2,}(?:,\d{3})+\b/i;

/** Government sites count as strong wherever they are. */
const OFFICIAL =
  /\.(?:gov|mil|gov\.[a-z]{2}|go\.[a-z]{2}|gc\.ca|canada\.ca|sencanada\.ca|ourcommons\.ca|gouv\.fr|gob\.[a-z]{2}|bund\.de|europa\.eu|int)$/;

/** The strong sites listed in `sources.yaml` (every list in it, flattened). */
export function strongSites(dir = knowledgeDir()): string[] {
  const data = parse(readFileSync(join(dir, 'sources.yaml'), 'utf8')) as Record<string, string[]> | null;
  return Object.values(data ?? {}).flat();
}

/** Whether a source URL is on a strong site: a government site, or one listed (or a subdomain of one). */
export function isStrong(url: string, sites: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
  return OFFICIAL.test(`.${host}`) || sites.some((s) => host === s || host.endsWith(`.${s}`));
}

/** How many of the most-read entities the report looks at for currency. */
const MOST_READ = 100;

/**
 * Entity ids by how often the labelled news corpora (tests/fixtures) mention them, most first:
 * the names a reader meets most, whose cards most need to be current.
 */
export function mostRead(): string[] {
  const counts = new Map<string, number>();
  const pages = [...loadReal().map((r) => r.page.mentions), ...loadCorpus().map((c) => c.label.mentions)];
  for (const mentions of pages) for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

/**
 * What needs care in the knowledge. `read`: entity ids, most read first (mostRead); the first
 * 100 known ones whose newest fact is over a year old are listed by rank in `staleRead`.
 */
export function report(
  entities: readonly Entity[],
  asOf: string,
  sites: readonly string[] = [],
  read: readonly string[] = [],
) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, entities.filter((e) => e.category === c).length]));
  const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const newest = (e: Entity) =>
    e.facts
      .map((f) => f.asOf)
      .sort()
      .at(-1) ?? '';
  const stale = entities
    .filter((e) => newest(e) < yearAgo)
    .map((e) => ({ id: e.id, newest: newest(e) }))
    .sort((a, b) => (a.newest < b.newest ? -1 : a.newest > b.newest ? 1 : 0));
  const staleRead = read
    .filter((id) => byId.has(id))
    .slice(0, MOST_READ)
    .map((id, i) => ({ rank: i + 1, id, newest: newest(byId.get(id) as Entity) }))
    .filter((x) => x.newest < yearAgo);
  const owners = new Map<string, string[]>();
  for (const e of entities) {
    for (const a of [...e.aliases, ...e.ambiguousAliases]) owners.set(a, [...(owners.get(a) ?? []), e.id]);
  }
  const shared = [...owners].filter(([, list]) => list.length > 1).map(([alias, list]) => ({ alias, entities: list }));
  const tied = new Set<string>();
  for (const e of entities) {
    for (const r of e.related) {
      if (!byId.has(r.id)) continue;
      tied.add(e.id);
      tied.add(r.id);
    }
  }
  const untied = entities.filter((e) => !tied.has(e.id)).map((e) => e.id);
  const matcher = compileMatcher(toNameIndex([...entities]));
  const unlinked: { id: string; fact: string; names: string[] }[] = [];
  const unconfirmed: { id: string; fact: string }[] = [];
  const weak: { id: string; fact: string; sources: string[] }[] = [];
  for (const e of entities) {
    for (const f of e.facts) {
      const named = new Set(
        // The block scan, as a page reads it: "Colorado's AI Act" does not name the EU AI Act.
        scanBlock(matcher, f.text)
          .candidates.filter((m) => !m.ambiguous)
          .map((m) => m.entityId)
          .filter((id) => id !== e.id && !f.involves.includes(id)),
      );
      if (named.size > 0) unlinked.push({ id: e.id, fact: f.text, names: [...named] });
      if (f.asOf >= '2025' && NEEDS_SECOND.test(f.text) && !f.confirmedBy) unconfirmed.push({ id: e.id, fact: f.text });
      const sources = [f.source, ...(f.confirmedBy ? [f.confirmedBy] : [])];
      if (!sources.some((u) => isStrong(u, sites))) weak.push({ id: e.id, fact: f.text, sources });
    }
  }
  const facts = entities.reduce((n, e) => n + e.facts.length, 0);
  return { total: entities.length, facts, counts, stale, staleRead, shared, untied, unlinked, unconfirmed, weak };
}

function main() {
  const { entities, issues } = loadKnowledge();
  if (process.argv.includes('--json')) {
    const out = entities.map((e) => ({
      id: e.id,
      name: e.name,
      category: e.category,
      aliases: e.aliases,
      ambiguousAliases: e.ambiguousAliases,
      summary: e.summary,
      facts: e.facts,
      relations: e.related,
    }));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  if (issues.length > 0) {
    console.log(`Mistakes first (npm run knowledge:check):\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`);
  }
  const asOf = knowledgeAsOf();
  const r = report(entities, asOf, strongSites(), mostRead());
  console.log(`Knowledge as of ${asOf}: ${r.total} entities`);
  for (const c of CATEGORIES) {
    const n = r.counts[c] ?? 0;
    const goal = TARGETS[c] ?? 0;
    console.log(`  ${c.padEnd(10)} ${String(n).padStart(4)}  (aim: at least ${goal})${n < goal ? '  ← short' : ''}`);
  }
  const list = <T>(title: string, items: T[], line: (x: T) => string) => {
    console.log(`\n${title}: ${items.length}`);
    for (const x of items) console.log(`  ${line(x)}`);
  };
  list('Newest fact older than 12 months (oldest first)', r.stale, (x) => `${x.newest}  ${x.id}`);
  list(
    `Of the ${MOST_READ} entities the labelled news mentions most, newest fact older than 12 months`,
    r.staleRead,
    (x) => `#${x.rank}  ${x.newest}  ${x.id}`,
  );
  list('Aliases shared by several entities', r.shared, (x) => `${x.alias}: ${x.entities.join(', ')}`);
  list('Entities tied to no other', r.untied, (x) => x);
  list(
    'Facts naming another entity not in `involves`',
    r.unlinked,
    (x) => `${x.id}: [${x.names.join(', ')}] ${x.fact}`,
  );
  list('2025+ facts with a number and no second source (confirmedBy)', r.unconfirmed, (x) => `${x.id}: ${x.fact}`);
  list(
    `Facts with no source on a strong site (sources.yaml), of ${r.facts}`,
    r.weak,
    (x) => `${x.id}: ${x.fact}\n      ${x.sources.join('\n      ')}`,
  );
}

if (process.argv[1]?.endsWith('knowledge-report.ts')) main();
