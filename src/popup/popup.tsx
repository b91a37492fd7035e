import { useEffect, useState } from 'preact/hooks';
import { entities, type MessageKey, mentions, t } from '../lib/i18n';
import type { PageState } from '../lib/messages';
import type { Connector, Unreachable } from './connector';
import { Connections, Groups } from './groups';
import { createLookup, type Lookup } from './lookup';
import { summaryMarkdown } from './markdown';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; why: Unreachable }
  | { kind: 'ready'; state: PageState; siteOn: boolean };

const UNREACHABLE: Record<Unreachable, MessageKey> = {
  restricted: 'popupRestricted',
  'not-running': 'popupNotRunning',
};

/** "Copy summary", with feedback that fades after a moment. */
function CopyButton({ onCopy }: { onCopy: () => Promise<void> }) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (result === 'idle') return;
    const timer = setTimeout(() => setResult('idle'), 2000);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = () =>
    onCopy().then(
      () => setResult('copied'),
      () => setResult('failed'),
    );
  return (
    <>
      <button type="button" class="action small copy" onClick={() => void copy()}>
        {result === 'copied' ? t('popupCopied') : t('popupCopy')}
      </button>
      <span class="sr" aria-live="polite">
        {result === 'copied' ? t('popupCopiedAnnouncement') : ''}
        {result === 'failed' ? t('popupCopyFailed') : ''}
      </span>
    </>
  );
}

/** What the page state says, from the most to the least overriding: pause, site switch, relevance, names found. */
function Body(props: {
  state: PageState;
  siteOn: boolean;
  paused: boolean;
  lookup: Lookup;
  connector: Connector;
  onAnyway: () => void;
}) {
  const { state: shown, siteOn, paused, lookup, connector } = props;
  if (paused) {
    return <p class="status">{t('popupPaused')}</p>;
  }
  if (!siteOn) return <p class="status">{t('popupSiteOff', shown.hostname)}</p>;
  if (!shown.relevant && !shown.forced) {
    return (
      <div class="status">
        <p>{t('popupNotAiNews')}</p>
        <button type="button" class="action" onClick={props.onAnyway}>
          {t('popupHighlightAnyway')}
        </button>
      </div>
    );
  }
  if (shown.entities.length === 0) return <p class="status">{t('popupNoEntities')}</p>;
  return (
    <>
      <div class="overview">
        <p class="summary">{t('popupOverview', entities(shown.entities.length), mentions(shown.total))}</p>
        <CopyButton onCopy={() => connector.copy(summaryMarkdown(shown, lookup))} />
      </div>
      <Groups entities={shown.entities} lookup={lookup} onShow={(id) => void connector.showEntity(id)} />
      <Connections lines={lookup.connections(shown.entities.map((e) => e.id))} />
    </>
  );
}

/** A checkbox that reads as a switch. */
function Switch(props: { class: string; checked: boolean; label: string; onChange: (on: boolean) => void }) {
  return (
    <label class={props.class}>
      <input
        type="checkbox"
        role="switch"
        aria-checked={props.checked}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** The toolbar popup: what the page mentions, the switch for this site, and the global pause. */
export function Popup({ connector }: { connector: Connector }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [paused, setPaused] = useState(false);
  const [lookup, setLookup] = useState<Lookup>(() => createLookup());
  const refresh = async () => {
    const [state, settings] = await Promise.all([connector.getState(), connector.getSettings()]);
    setPaused(settings.paused);
    if (typeof state === 'string') setPhase({ kind: 'unreachable', why: state });
    else setPhase({ kind: 'ready', state, siteOn: await connector.isSiteEnabled(state.hostname) });
  };
  // The page repaints on the storage change; read its new state back a moment later.
  const refreshSoon = () => setTimeout(() => void refresh(), 150);
  useEffect(() => {
    void refresh();
    void connector.packEntities().then((extra) => extra.length > 0 && setLookup(createLookup(extra)));
  }, []);

  if (phase.kind === 'loading') {
    return (
      <main class="popup">
        <p class="status">{t('popupLoading')}</p>
      </main>
    );
  }
  const pause = async (on: boolean) => {
    setPaused(on);
    await connector.setPaused(on);
    refreshSoon();
  };
  const footer = (
    <footer class="foot">
      <Switch class="pause" checked={paused} label={t('popupPauseEverywhere')} onChange={(on) => void pause(on)} />
      <button type="button" class="link" onClick={() => void connector.openOptions()}>
        {t('popupOptions')}
      </button>
    </footer>
  );
  if (phase.kind === 'unreachable') {
    return (
      <main class="popup">
        <h1>{t('popupTitle')}</h1>
        <p class="status">{t(UNREACHABLE[phase.why])}</p>
        {footer}
      </main>
    );
  }
  const { state, siteOn } = phase;
  const toggle = async (on: boolean) => {
    setPhase({ kind: 'ready', state, siteOn: on });
    await connector.setSiteEnabled(state.hostname, on);
    refreshSoon();
  };
  const anyway = async () => {
    const next = await connector.highlightAnyway();
    if (next) setPhase({ kind: 'ready', state: next, siteOn });
  };
  return (
    <main class="popup">
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        <Switch
          class="switch"
          checked={siteOn}
          label={t('popupSiteSwitch', state.hostname)}
          onChange={(on) => void toggle(on)}
        />
      </header>
      <Body
        state={state}
        siteOn={siteOn}
        paused={paused}
        lookup={lookup}
        connector={connector}
        onAnyway={() => void anyway()}
      />
      {footer}
    </main>
  );
}
