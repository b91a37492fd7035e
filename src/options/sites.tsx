import { t } from '../lib/i18n';
import { setSiteEnabled } from '../lib/settings';

/** The sites switched off from the popup, each with a way back on. */
export function Sites({ sites }: { sites: string[] | null }) {
  return (
    <section class="panel" aria-labelledby="sites">
      <h2 id="sites">{t('optionsSites')}</h2>
      {sites === null && <p class="hint">{t('optionsLoading')}</p>}
      {sites?.length === 0 && <p class="hint">{t('optionsSitesNone')}</p>}
      {sites && sites.length > 0 && (
        <ul class="list">
          {sites.map((host) => (
            <li key={host} class="row">
              <span>{host}</span>
              <button
                type="button"
                class="action small"
                aria-label={t('optionsTurnBackOnSite', host)}
                onClick={() => void setSiteEnabled(host, true)}
              >
                {t('optionsTurnBackOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
