import { useEffect, useState } from 'preact/hooks';
import { formatIssue } from '../knowledge/validate';
import { entities, t } from '../lib/i18n';
import { addPack, type ImportStep, listPacks, type Pack, removePack } from '../lib/packs';
import { JsonFileButton, takeFile } from './files';
import { type Notice, NoticeLine } from './notice';

const STEPS = {
  reading: 'optionsPackStepReading',
  checking: 'optionsPackStepChecking',
  storing: 'optionsPackStepStoring',
} as const;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Knowledge packs: import a JSON file of extra entities, see what is installed, remove. */
export function Packs() {
  const [packs, setPacks] = useState<Pack[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const load = async () => setPacks(await listPacks());
  useEffect(() => {
    void load();
  }, []);

  const importFile = async (input: HTMLInputElement) => {
    const file = await takeFile(input);
    if (!file) return;
    const say = (step: ImportStep) =>
      setNotice({ kind: 'ok', text: t('optionsPackImporting', file.name, t(STEPS[step])) });
    try {
      const pack = await addPack(file.name, file.text, say);
      setPacks(pack.installed);
      setNotice({ kind: 'ok', text: t('optionsPackImported', pack.name, entities(pack.entities.length)) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('optionsPackNotImported', (error as Error).message) });
      await load();
    }
  };
  const remove = async (name: string) => {
    await removePack(name);
    setNotice({ kind: 'ok', text: t('optionsPackRemoved', name) });
    await load();
  };

  return (
    <section class="panel" aria-labelledby="packs">
      <h2 id="packs">{t('optionsPacks')}</h2>
      <p class="hint" id="packs-hint">
        {t('optionsPacksHint')}
      </p>
      <JsonFileButton
        label={t('optionsImportPack')}
        describedBy="packs-hint"
        onChoose={(input) => void importFile(input)}
      />
      <NoticeLine id="packs-notice" notice={notice} />
      {packs?.length === 0 && <p class="hint">{t('optionsNoPacks')}</p>}
      {packs && packs.length > 0 && (
        <ul class="list">
          {packs.map((p) => (
            <li key={p.name} class="pack">
              <span>
                <span class="name">{p.name}</span>
                <span class="meta">{t('optionsPackMeta', entities(p.entities.length), day(p.importedAt))}</span>
                {p.problems.length > 0 && (
                  <span class="warn" role="note">
                    {t(
                      'optionsPackProblems',
                      new Set(p.problems.map((x) => x.entityId)).size,
                      p.problems.slice(0, 3).map(formatIssue).join('; '),
                    )}
                  </span>
                )}
              </span>
              <button
                type="button"
                class="action small"
                aria-label={t('optionsRemovePack', p.name)}
                onClick={() => void remove(p.name)}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
