import { monthYear } from './dates.ts';

/**
 * How entities are tied to one another, and the one wording of each tie. A relation is written
 * on either entity's file; an inverse name ("made-by") is the same tie seen from the other side
 * ("makes"), so it always reads subject first, the same on the card, in the popup and in the
 * popup's graph: "Nvidia invested in Intel", wherever it was written down.
 */

/** Relation types read "<subject> <verb> <object>", in the present and (once `until` has passed) the past. */
export const RELATIONS = {
  'invested-in': { now: 'invested in', past: 'invested in', inverse: 'backed-by' },
  owns: { now: 'owns', past: 'owned', inverse: 'owned-by' },
  makes: { now: 'makes', past: 'made', inverse: 'made-by' },
  supplies: { now: 'supplies', past: 'supplied', inverse: 'supplied-by' },
  uses: { now: 'uses', past: 'used', inverse: 'used-by' },
  offers: { now: 'offers', past: 'offered', inverse: 'offered-by' },
  leads: { now: 'leads', past: 'led', inverse: 'led-by' },
  founded: { now: 'founded', past: 'founded', inverse: 'founded-by' },
  // Laws and policies: who signed or adopted one, and who wrote it.
  enacted: { now: 'enacted', past: 'enacted', inverse: 'enacted-by' },
  wrote: { now: 'wrote', past: 'wrote', inverse: 'written-by' },
  'works-at': { now: 'works at', past: 'worked at', inverse: 'employs' },
  'part-of': { now: 'is part of', past: 'was part of', inverse: 'includes' },
  'successor-of': { now: 'succeeds', past: 'succeeded', inverse: 'succeeded-by' },
  investigates: { now: 'investigated', past: 'investigated', inverse: 'investigated-by' },
  regulates: { now: 'oversees', past: 'oversaw', inverse: 'regulated-by' },
  restricts: { now: 'restricts', past: 'restricted', inverse: 'restricted-by' },
  'partners-with': { now: 'partners with', past: 'partnered with', inverse: 'partners-with' },
  'competes-with': { now: 'competes with', past: 'competed with', inverse: 'competes-with' },
  'sibling-of': { now: 'is a sibling of', past: 'is a sibling of', inverse: 'sibling-of' },
} as const;

/** A relation type as the graph and the wording know it (subject first). */
export type RelationType = keyof typeof RELATIONS;

/** A type as a file may write it: a type, or its inverse seen from the other side. */
export type RelationName = RelationType | (typeof RELATIONS)[RelationType]['inverse'];

const INVERSES = new Map<string, RelationType>(
  (Object.keys(RELATIONS) as RelationType[]).map((t) => [RELATIONS[t].inverse, t]),
);

/** Every name a file may use for a relation's `type`, sorted (for error messages and docs). */
export const RELATION_NAMES: readonly RelationName[] = [
  ...new Set<RelationName>([
    ...(Object.keys(RELATIONS) as RelationType[]),
    ...(Object.values(RELATIONS).map((r) => r.inverse) as RelationName[]),
  ]),
].sort();

/** True for a name a file may use as a relation's `type`. */
export const isRelationName = (value: unknown): value is RelationName =>
  typeof value === 'string' && (RELATION_NAMES as readonly string[]).includes(value);

/** A relation as written on entity `from`: `{ id, type, since?, until?, note? }`. */
export type Relation = { id: string; type: RelationName; since?: string; until?: string; note?: string };

/** A relation turned subject first: who does what to whom, and when. */
export type Tie = {
  subject: string;
  type: RelationType;
  object: string;
  since?: string;
  until?: string;
  note?: string;
};

/** The relation written on entity `from`, subject first. */
export function toTie(from: string, r: Relation): Tie {
  const canonical = INVERSES.get(r.type);
  // Symmetric types are their own inverse: they stay as written.
  const flipped = canonical !== undefined && canonical !== r.type;
  const type = (flipped ? canonical : r.type) as RelationType;
  const tie: Tie = flipped ? { subject: r.id, type, object: from } : { subject: from, type, object: r.id };
  if (r.since) tie.since = r.since;
  if (r.until) tie.until = r.until;
  if (r.note) tie.note = r.note;
  return tie;
}

/** The same tie, whichever side wrote it: symmetric ties compare with their ends sorted. */
export const tieKey = (t: Tie): string => {
  const symmetric = RELATIONS[t.type].inverse === t.type;
  const [a, b] = symmetric && t.object < t.subject ? [t.object, t.subject] : [t.subject, t.object];
  return `${a} ${t.type} ${b}`;
};

export { monthYear } from './dates.ts';

/**
 * The one sentence for a tie: "Amazon invested in Anthropic (since Sep 2023)", "Adam Selipsky led
 * Amazon Web Services (until Jun 2024)". `today` decides whether `until` has passed.
 */
export function tieText(t: Tie, name: (id: string) => string, today: string): string {
  const words = RELATIONS[t.type];
  const over = t.until !== undefined && t.until <= today;
  const when =
    t.since && t.until
      ? `${monthYear(t.since)} – ${monthYear(t.until)}`
      : t.until
        ? `until ${monthYear(t.until)}`
        : t.since
          ? `since ${monthYear(t.since)}`
          : '';
  const extra = [t.note, when].filter(Boolean).join('; ');
  return `${name(t.subject)} ${over ? words.past : words.now} ${name(t.object)}${extra ? ` (${extra})` : ''}`;
}
