import { useEffect, useState } from 'preact/hooks';
import {
  getSettings,
  listSitesOff,
  onSettingsChange,
  onSitesChange,
  type Settings,
  type SettingsPatch,
  setSettings,
} from '../lib/settings';
import { Backup } from './backup';
import { Highlighting } from './highlighting';
import { Packs } from './packs';
import { Sites } from './sites';

/** The options page. Every change is saved at once: there is no Save button to forget. */
export function Options() {
  const [settings, setLocal] = useState<Settings | null>(null);
  const [sites, setSites] = useState<string[] | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    const life = new AbortController();
    void getSettings().then(setLocal);
    void listSitesOff().then(setSites);
    // The popup (or another options tab) may change the same settings meanwhile.
    onSettingsChange(life.signal, (next) => setLocal(next));
    onSitesChange(life.signal, setSites);
    return () => life.abort();
  }, []);
  const change = (patch: SettingsPatch) => {
    setFailure('');
    setSettings(patch).then(setLocal, (error: Error) => setFailure(`Not saved: ${error.message}`));
  };

  return (
    <main class="options">
      <h1>Backstory options</h1>
      <p class="notice error" role="alert">
        {failure}
      </p>
      {settings === null ? (
        <p class="hint">Loading…</p>
      ) : (
        <>
          <section class="panel" aria-labelledby="general">
            <h2 id="general">General</h2>
            <label class="choice">
              <input
                type="checkbox"
                checked={settings.paused}
                onChange={(e) => change({ paused: e.currentTarget.checked })}
              />
              Pause everywhere (highlight nothing on any site)
            </label>
          </section>
          <Highlighting settings={settings} onChange={change} />
        </>
      )}
      <Sites sites={sites} />
      <Packs />
      <Backup />
    </main>
  );
}
