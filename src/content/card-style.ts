/** The card's stylesheet, inside our shadow root: the page's CSS cannot reach it, nor it the page. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1b1d22; --muted: #555b66; --line: #d9dce3; --link: #1f4fd1;
  --company: #2f5fd8; --chip: #0b7d57; --regulator: #a65a00; --product: #8136b8; --person: #b8305d;
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px); overflow-x: hidden; overflow-y: auto;
  padding: 12px 14px 10px; border-radius: 10px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line);
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  text-align: left; letter-spacing: normal; text-transform: none; white-space: normal;
}
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1f2228; --fg: #eceef2; --muted: #aab0bc; --line: #3a3f4a; --link: #8fb1ff;
    --company: #8fb1ff; --chip: #5fd4a6; --regulator: #f0b35c; --product: #d2a2f5; --person: #f59ab8;
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.55);
  }
}
.head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.name { margin: 0; font-size: 15px; font-weight: 650; line-height: 1.3; }
.badge {
  flex: none; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
  padding: 1px 7px; border-radius: 999px; border: 1px solid currentColor;
}
.badge.company { color: var(--company); } .badge.chip { color: var(--chip); }
.badge.regulator { color: var(--regulator); } .badge.product { color: var(--product); }
.badge.person { color: var(--person); }
.summary { margin: 6px 0 8px; }
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
.loading { color: var(--muted); margin: 6px 0 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
