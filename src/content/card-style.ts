import { CATEGORIES } from '../knowledge/categories';
import { categoryVars } from '../lib/theme';

const badges = CATEGORIES.map((c) => `.badge.${c} { color: var(--${c}); }`).join('\n');

/**
 * The card's stylesheet, inside our shadow root: the page's CSS cannot reach it, nor it the page.
 * Its colours follow the page's own background where the mention is (`.card.dark`), not the
 * reader's system setting: a white news page gets a light card.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1b1d22; --muted: #555b66; --line: #d9dce3; --link: #1f4fd1;
  ${categoryVars('light')}
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px); overflow-x: hidden; overflow-y: auto;
  padding: 12px 14px 10px; border-radius: 10px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line);
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  text-align: left; letter-spacing: normal; text-transform: none; white-space: normal;
}
.card.dark {
  --bg: #1f2228; --fg: #eceef2; --muted: #aab0bc; --line: #3a3f4a; --link: #8fb1ff;
  ${categoryVars('dark')}
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.55);
}
.card.sheet {
  top: auto; bottom: 0; left: 0; right: 0; width: auto; max-width: none; max-height: 50vh;
  border-radius: 14px 14px 0 0; border-width: 1px 0 0; padding: 14px 16px 16px; font-size: 14px;
  box-shadow: 0 -6px 24px rgb(0 0 0 / 0.22); transform: none !important;
}
.card.sheet[data-edge="top"] {
  top: 0; bottom: auto; border-radius: 0 0 14px 14px; border-width: 0 0 1px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.22);
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.head { display: flex; align-items: center; gap: 8px; }
.name { margin: 0; font-size: 15px; font-weight: 650; line-height: 1.3; flex: 1; min-width: 0; overflow-wrap: anywhere; }
.close {
  flex: none; display: grid; place-items: center; width: 28px; height: 28px; margin: -4px -6px -4px 0;
  padding: 0; border: 0; border-radius: 6px; background: none; color: var(--muted); cursor: pointer;
}
.card.sheet .close { width: 40px; height: 40px; }
.close:hover { background: var(--line); color: var(--fg); }
.close:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
.badge {
  flex: none; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
  padding: 1px 7px; border-radius: 999px; border: 1px solid currentColor;
}
${badges}
.summary { margin: 6px 0 8px; }
.note, .family { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
.part { margin: 8px 0 2px; font-size: 11px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.since .part { color: var(--fg); }
.since { margin-top: 4px; padding-left: 8px; border-left: 3px solid var(--link); }
.date { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.who { font-weight: 600; }
.facts { margin: 0; padding: 0; list-style: none; border-top: 1px solid var(--line); }
.facts li { padding: 6px 0; border-bottom: 1px solid var(--line); }
.when { color: var(--muted); font-size: 12px; }
/* Long source hosts wrap instead of widening the card. */
.when a { overflow-wrap: anywhere; }
.relations { margin: 8px 0 0; padding: 0; list-style: none; }
.relations li { margin: 2px 0; }
.relations li::before { content: "↔ "; color: var(--muted); }
.foot { display: flex; justify-content: space-between; gap: 8px; margin-top: 8px; font-size: 12px; color: var(--muted); }
a { color: var(--link); text-decoration: underline; text-underline-offset: 2px; }
a:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; border-radius: 2px; }
.muted { color: var(--muted); margin: 6px 0 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
