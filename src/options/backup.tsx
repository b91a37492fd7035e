import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { exportSettings, importSettings } from '../lib/settings';
import { download, JsonFileButton, takeFile } from './files';
import { type Notice, NoticeLine } from './notice';

const FILE_NAME = 'backstory-settings.json';

/** Export the settings and the switched-off sites to a file, or import them from one. */
export function Backup() {
  const [notice, setNotice] = useState<Notice>(null);
  const exportFile = async () => {
    download(FILE_NAME, await exportSettings());
    setNotice({ kind: 'ok', text: t('optionsExported', FILE_NAME) });
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = await takeFile(input);
    if (!file) return;
    try {
      await importSettings(file.text);
      setNotice({ kind: 'ok', text: t('optionsImported', file.name) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('optionsNothingChanged', (error as Error).message) });
    }
  };
  return (
    <section class="panel" aria-labelledby="backup">
      <h2 id="backup">{t('optionsBackup')}</h2>
      <p class="hint" id="backup-hint">
        {t('optionsBackupHint')}
      </p>
      <div class="buttons">
        <button type="button" class="action" onClick={() => void exportFile()}>
          {t('optionsExport')}
        </button>
        <JsonFileButton
          label={t('optionsImport')}
          describedBy="backup-hint"
          onChoose={(input) => void importFile(input)}
        />
      </div>
      <NoticeLine id="backup-notice" notice={notice} />
    </section>
  );
}
