import { useEffect, useState } from 'preact/hooks';
import { entities, type MessageKey, mentions, t } from '../lib/i18n';
import type { PageState } from '../lib/messages';
import type { Connector, Unreachable } from './connector';
import { Connections, Groups } from './groups';
import { createLookup, type Lookup, withNames } from './lookup';
import { summaryMarkdown } from './markdown';
import { dayMonthYear, Story } from './story';

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
      <button type="button" class="link copy" onClick={() => void copy()}>
        {result === 'copied' ? t('popupCopied') : t('popupCopy')}
      </button>
      <span class="sr" aria-live="polite">
        {result === 'copied' ? t('popupCopiedAnnouncement') : ''}
        {result === 'failed' ? t('popupCopyFailed') : ''}
      </span>
    </>
  );
}

/** A switch, as a screen reader and the eye both read it: a button with `role="switch"`. */
function Switch(props: { class: string; checked: boolean; label: string; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      class={`toggle ${props.class}`}
      aria-checked={props.checked}
      onClick={() => props.onChange(!props.checked)}
    >
      <span class="label">{props.label}</span>
      <span class="track" aria-hidden="true">
        <span class="thumb" />
      </span>
    </button>
  );
}

/** The two views of a page: the names it mentions, and their backstory. */
function Tabs(props: { view: 'page' | 'story'; onView: (v: 'page' | 'story') => void }) {
  const tab = (v: 'page' | 'story', key: MessageKey) => (
    <button
      type="button"
      role="tab"
      id={`tab-${v}`}
      aria-selected={props.view === v}
      aria-controls={`panel-${v}`}
      tabIndex={props.view === v ? 0 : -1}
      onClick={() => props.onView(v)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = v === 'page' ? 'story' : 'page';
          props.onView(next);
          (e.currentTarget.parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
        }
      }}
    >
      {t(key)}
    </button>
  );
  return (
    <div class="tabs" role="tablist">
      {tab('page', 'popupTabPage')}
      {tab('story', 'popupTabStory')}
    </div>
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
  const [view, setView] = useState<'page' | 'story'>('page');
  if (paused) return <p class="status">{t('popupPaused')}</p>;
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
      <Tabs view={view} onView={setView} />
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'page' ? (
          <>
            <Groups entities={shown.entities} lookup={lookup} onShow={(id) => void connector.showEntity(id)} />
            <Connections lines={lookup.connections(shown.entities.map((e) => e.id))} />
          </>
        ) : (
          <Story state={shown} lookup={lookup} />
        )}
      </div>
    </>
  );
}

/**
 * The toolbar popup (and, wider, the side panel): the switch for this site first, then what the
 * page mentions and its backstory, then the global pause.
 */
export function Popup({ connector, panel = false }: { connector: Connector; panel?: boolean }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [paused, setPaused] = useState(false);
  const [lookup, setLookup] = useState<Lookup | null>(null);
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
    void connector.knowledge().then((all) => setLookup(createLookup(all)));
  }, []);
  // The side panel stays open: it follows the reader to other tabs and pages.
  useEffect(() => {
    if (!panel) return;
    const timer = setInterval(() => void refresh(), 1500);
    return () => clearInterval(timer);
  }, [panel]);

  if (phase.kind === 'loading' || !lookup) {
    return (
      <main class={`popup${panel ? ' panel' : ''}`}>
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
      <span class="links">
        {!panel && connector.openPanel && (
          <button type="button" class="link" onClick={() => void connector.openPanel?.()}>
            {t('popupOpenPanel')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void connector.openOptions()}>
          {t('popupOptions')}
        </button>
      </span>
      <p class="asof">{t('popupKnowledgeAsOf', dayMonthYear(connector.knowledgeAsOf))}</p>
    </footer>
  );
  if (phase.kind === 'unreachable') {
    return (
      <main class={`popup${panel ? ' panel' : ''}`}>
        <h1>{t('popupTitle')}</h1>
        <p class="status">{t(UNREACHABLE[phase.why])}</p>
        {footer}
      </main>
    );
  }
  const { siteOn } = phase;
  const state = withNames(phase.state, lookup);
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
    <main class={`popup${panel ? ' panel' : ''}`}>
      <header class="top">
        <Switch
          class="switch"
          checked={siteOn}
          label={t('popupSiteSwitch', state.hostname)}
          onChange={(on) => void toggle(on)}
        />
      </header>
      <h1 class="sr">{t('popupTitle')}</h1>
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
