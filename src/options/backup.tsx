import { useState } from 'preact/hooks';
import { exportSettings, importSettings } from '../lib/settings';
import { download, takeFile } from './files';
import { type Notice, NoticeLine } from './notice';

/** Export the settings and the switched-off sites to a file, or import them from one. */
export function Backup() {
  const [notice, setNotice] = useState<Notice>(null);
  const exportFile = async () => {
    download('backstory-settings.json', await exportSettings());
    setNotice({ kind: 'ok', text: 'Exported to backstory-settings.json.' });
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = await takeFile(input);
    if (!file) return;
    try {
      await importSettings(file.text);
      setNotice({ kind: 'ok', text: `Imported settings from “${file.name}”.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Nothing changed. ${(error as Error).message}` });
    }
  };
  return (
    <section class="panel" aria-labelledby="backup">
      <h2 id="backup">Export and import</h2>
      <p class="hint" id="backup-hint">
        The file holds these settings and the sites where Backstory is off, not knowledge packs. Importing replaces
        both.
      </p>
      <div class="buttons">
        <button type="button" class="action" onClick={() => void exportFile()}>
          Export settings
        </button>
        <label class="action file">
          Import settings…
          <input
            type="file"
            accept=".json,application/json"
            aria-describedby="backup-hint"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      <NoticeLine id="backup-notice" notice={notice} />
    </section>
  );
}
