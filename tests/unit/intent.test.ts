import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIntent } from '../../src/content/intent';

let log: string[];
const make = () =>
  createIntent({
    showDelay: () => 300,
    hideDelay: 300,
    open: (i) => log.push(`open ${i}`),
    close: () => log.push('close'),
  });

beforeEach(() => {
  vi.useFakeTimers();
  log = [];
});
afterEach(() => vi.useRealTimers());

describe('hover intent', () => {
  it('opens only after the pointer rests on a mention', () => {
    const intent = make();
    intent.pointerOn(2);
    vi.advanceTimersByTime(299);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['open 2']);
  });

  it('does not open for a pointer passing over', () => {
    const intent = make();
    intent.pointerOn(2);
    vi.advanceTimersByTime(100);
    intent.pointerOn(-1);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('builds the card out of sight halfway through the delay, and drops it if the pointer leaves', () => {
    const intent = createIntent({
      showDelay: () => 300,
      hideDelay: 300,
      open: (i) => log.push(`open ${i}`),
      close: () => log.push('close'),
      prepare: (i) => log.push(`prepare ${i}`),
      discard: () => log.push('discard'),
    });
    intent.pointerOn(2);
    vi.advanceTimersByTime(149);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prepare 2']);
    vi.advanceTimersByTime(150);
    expect(log).toEqual(['prepare 2', 'open 2']);
    intent.reset();
    log = [];
    intent.pointerOn(4);
    vi.advanceTimersByTime(200);
    intent.pointerOn(-1);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['prepare 4', 'discard']);
    // A pointer passing over prepares nothing.
    log = [];
    intent.pointerOn(5);
    vi.advanceTimersByTime(100);
    intent.pointerOn(-1);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('switches at once between mentions while open, and closes after a grace period', () => {
    const intent = make();
    intent.pointerOn(1);
    vi.advanceTimersByTime(300);
    intent.pointerOn(2);
    expect(log).toEqual(['open 1', 'open 2']);
    intent.pointerOn(-1);
    vi.advanceTimersByTime(299);
    expect(log).toEqual(['open 1', 'open 2']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['open 1', 'open 2', 'close']);
  });

  it('stays open while the pointer is on the card', () => {
    const intent = make();
    intent.pointerOn(1);
    vi.advanceTimersByTime(300);
    intent.pointerOn(-1);
    vi.advanceTimersByTime(100);
    intent.pointerInCard(true);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['open 1']);
    intent.pointerInCard(false);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['open 1', 'close']);
  });

  it('Escape closes and keeps the same mention closed until the pointer leaves it', () => {
    const intent = make();
    intent.pointerOn(1);
    vi.advanceTimersByTime(300);
    expect(intent.dismiss()).toBe(true);
    intent.pointerOn(1);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual(['open 1', 'close']);
    intent.pointerOn(-1);
    intent.pointerOn(1);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['open 1', 'close', 'open 1']);
    expect(make().dismiss()).toBe(false);
  });

  it('opens at once from the keyboard', () => {
    const intent = make();
    intent.openNow(4);
    expect(log).toEqual(['open 4']);
    expect(intent.current()).toBe(4);
  });
});
