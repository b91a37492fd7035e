/** Time budget of one slice of work: well under a 16 ms frame. */
export const SLICE_MS = 8;

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

/** Returns a check that says when the current slice has used its budget. */
export function sliceTimer(budget = SLICE_MS) {
  let start = performance.now();
  return {
    expired: () => performance.now() - start > budget,
    async next(signal?: AbortSignal): Promise<void> {
      await yieldToMain();
      if (signal?.aborted) throw signal.reason;
      start = performance.now();
    },
  };
}

/** A slice timer: `expired()` after its budget, `next()` yields and starts a new slice. */
export type SliceTimer = ReturnType<typeof sliceTimer>;
