import type { Painter } from './paint';

/**
 * Puts back what a page took away: Backstory's highlights (`CSS.highlights.clear()`, or a name
 * of ours replaced) and its stylesheet. Checked on a timer that backs off while the page keeps
 * removing them (1 s, doubling up to a minute), so a page fighting Backstory costs it nothing
 * and can never drive it into a loop.
 */
export function healPaint(painter: Painter, style: { ensure(): boolean }, signal: AbortSignal): void {
  let wait = 1000;
  let timer: ReturnType<typeof setTimeout>;
  const check = () => {
    if (signal.aborted) return;
    const healed = painter.heal() + (style.ensure() ? 1 : 0);
    wait = healed > 0 ? Math.min(wait * 2, 60_000) : 1000;
    timer = setTimeout(check, wait);
  };
  timer = setTimeout(check, wait);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
