import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type SiteSwitches, setSiteEnabled } from '../lib/settings';

/** Options: the sites where Backstory is switched off, each with a way back on. */
function Options() {
  const [sites, setSites] = useState<string[] | null>(null);
  const load = async () => {
    const stored = await browser.storage.local.get('sites');
    const map = (stored.sites ?? {}) as SiteSwitches;
    setSites(
      Object.keys(map)
        .filter((h) => map[h] === false)
        .sort(),
    );
  };
  useEffect(() => {
    void load();
  }, []);
  return (
    <main class="popup" style={{ width: 'auto', maxWidth: '560px' }}>
      <h1>Backstory options</h1>
      <h2 class="heading">Sites where Backstory is off</h2>
      {sites === null && <p class="status">Loading…</p>}
      {sites?.length === 0 && <p class="status">None. Switch a site off from the toolbar popup.</p>}
      <ul>
        {sites?.map((host) => (
          <li key={host} class="row">
            <span>{host}</span>
            <button type="button" class="action" onClick={() => void setSiteEnabled(host, true).then(load)}>
              Turn back on
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

render(<Options />, document.getElementById('app') as HTMLElement);
