/**
 * Time budget of one slice of work: well under a 16 ms frame, with room for the odd overrun (a
 * garbage collection, code running cold the first time) inside the same task.
 */
export const SLICE_MS = 6;

type Scheduler = { yield?: () => Promise<void> };

/** Gives the main thread back: `scheduler.yield()` where it exists, else a MessageChannel task. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * How long work queued for an idle moment may wait for one: a page whose own timers never let
 * it idle still gets its scan done, a slice at a time.
 */
const IDLE_WAIT_MS = 50;

/** Resolves when the page is idle (`requestIdleCallback`), or after a short wait at most. */
export function whenIdle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return yieldToMain();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_MS }));
}

/**
 * Returns a check that says when the current slice has used its budget. Between slices it gives
 * the main thread back at once, or, with `idle`, waits for the page to be idle first.
 */
export function sliceTimer(budget = SLICE_MS, idle = false) {
  let start = performance.now();
  return {
    expired: () => performance.now() - start > budget,
    async next(signal?: AbortSignal): Promise<void> {
      await (idle ? whenIdle() : yieldToMain());
      if (signal?.aborted) throw signal.reason;
      start = performance.now();
    },
  };
}

/** A slice timer: `expired()` after its budget, `next()` yields and starts a new slice. */
export type SliceTimer = ReturnType<typeof sliceTimer>;
