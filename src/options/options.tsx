import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
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
    setSettings(patch).then(setLocal, (error: Error) => setFailure(t('optionsNotSaved', error.message)));
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="notice error" role="alert">
        {failure}
      </p>
      {settings === null ? (
        <p class="hint">{t('optionsLoading')}</p>
      ) : (
        <>
          <section class="panel" aria-labelledby="general">
            <h2 id="general">{t('optionsGeneral')}</h2>
            <label class="choice">
              <input
                type="checkbox"
                checked={settings.paused}
                onChange={(e) => change({ paused: e.currentTarget.checked })}
              />
              {t('optionsPause')}
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
