/**
 * Runs jobs one at a time, in the order they were queued: a failed job does not stop the ones
 * after it (its caller still sees the failure).
 */
export function createSerial() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = last.then(job);
    last = run.catch(() => undefined);
    return run;
  };
}
