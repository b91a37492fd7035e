import type { Category } from '../knowledge/categories';
import type { TieView } from '../knowledge/entity-view';
import type { RelationType } from '../knowledge/relations';
import { t } from '../lib/i18n';

/** Kinds of tie the graph tells apart (its legend), from the relation types. */
const KIND: Record<RelationType, 'money' | 'owns' | 'supply' | 'watch' | 'rival' | 'other'> = {
  'invested-in': 'money',
  owns: 'owns',
  'part-of': 'owns',
  makes: 'supply',
  supplies: 'supply',
  uses: 'supply',
  offers: 'supply',
  investigates: 'watch',
  regulates: 'watch',
  restricts: 'watch',
  'competes-with': 'rival',
  leads: 'other',
  founded: 'other',
  enacted: 'other',
  wrote: 'other',
  'works-at': 'other',
  'successor-of': 'other',
  'partners-with': 'other',
  'sibling-of': 'other',
};

const LEGEND = [
  ['money', 'popupLegendMoney'],
  ['owns', 'popupLegendOwns'],
  ['supply', 'popupLegendSupply'],
  ['watch', 'popupLegendWatch'],
  ['rival', 'popupLegendRival'],
  ['other', 'popupLegendOther'],
] as const;

/** A label that fits beside a node: the name, shortened with an ellipsis (the full name is its title). */
const short = (name: string) => (name.length > 18 ? `${name.slice(0, 17).trimEnd()}…` : name);

/**
 * A small picture of who is tied to whom among the page's names: the names on a circle, a line
 * per tie, styled by kind. 320 px wide, so it reads in a 360 px popup; the same ties are listed
 * in words below it, so the picture adds nothing a screen reader misses.
 */
export function Graph(props: { ties: TieView[]; nodes: { id: string; name: string; category: Category }[] }) {
  const ids = new Set(props.ties.flatMap((x) => [x.subject, x.object]));
  const nodes = props.nodes.filter((n) => ids.has(n.id)).slice(0, 12);
  if (nodes.length < 2) return null;
  const W = 320;
  const H = nodes.length > 6 ? 250 : 200;
  const cx = W / 2;
  const cy = H / 2;
  const r = Math.min(cx - 70, cy - 28);
  const at = new Map(
    nodes.map((n, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
      return [n.id, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), a }];
    }),
  );
  const shown = props.ties.filter((x) => at.has(x.subject) && at.has(x.object));
  const kinds = new Set(shown.map((x) => KIND[x.type]));
  return (
    <figure class="graph">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={t('popupGraphLabel', shown.length)}>
        {shown.map((x) => {
          const a = at.get(x.subject) as { x: number; y: number };
          const b = at.get(x.object) as { x: number; y: number };
          return (
            <line
              key={`${x.subject}-${x.type}-${x.object}`}
              class={`edge ${KIND[x.type]}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
            >
              <title>{x.text}</title>
            </line>
          );
        })}
        {nodes.map((n) => {
          const p = at.get(n.id) as { x: number; y: number; a: number };
          const right = Math.cos(p.a) >= -0.01;
          const dx = Math.abs(Math.cos(p.a)) < 0.2 ? 0 : right ? 9 : -9;
          const dy = Math.abs(Math.cos(p.a)) < 0.2 ? (Math.sin(p.a) < 0 ? -10 : 16) : 4;
          return (
            <g key={n.id} class="node" data-category={n.category}>
              <circle cx={p.x} cy={p.y} r={5.5} />
              <text x={p.x + dx} y={p.y + dy} text-anchor={dx === 0 ? 'middle' : right ? 'start' : 'end'}>
                {short(n.name)}
                <title>{n.name}</title>
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        {LEGEND.filter(([k]) => kinds.has(k)).map(([k, key]) => (
          <li key={k}>
            <svg width="22" height="8" aria-hidden="true">
              <line class={`edge ${k}`} x1="1" y1="4" x2="21" y2="4" />
            </svg>
            {t(key)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
