/** What the last action of a section did: nothing yet, done, or refused with the reason. */
export type Notice = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The outcome line under a section's controls. Both live regions stay in the page, so screen
 * readers announce a change of text: success politely, a refusal at once.
 */
export function NoticeLine({ notice, id }: { notice: Notice; id: string }) {
  return (
    <>
      <p id={`${id}-ok`} class="notice ok" role="status">
        {notice?.kind === 'ok' ? notice.text : ''}
      </p>
      <p id={`${id}-error`} class="notice error" role="alert">
        {notice?.kind === 'error' ? notice.text : ''}
      </p>
    </>
  );
}
