import { setSiteEnabled } from '../lib/settings';

/** The sites switched off from the popup, each with a way back on. */
export function Sites({ sites }: { sites: string[] | null }) {
  return (
    <section class="panel" aria-labelledby="sites">
      <h2 id="sites">Sites where Backstory is off</h2>
      {sites === null && <p class="hint">Loading…</p>}
      {sites?.length === 0 && (
        <p class="hint">None. To switch Backstory off for a site, use the switch in the toolbar popup on that site.</p>
      )}
      {sites && sites.length > 0 && (
        <ul class="list">
          {sites.map((host) => (
            <li key={host} class="row">
              <span>{host}</span>
              <button
                type="button"
                class="action small"
                aria-label={`Turn back on ${host}`}
                onClick={() => void setSiteEnabled(host, true)}
              >
                Turn back on
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
