import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '../knowledge/schema';
import { heading } from '../lib/category-names';
import { type MessageKey, t } from '../lib/i18n';
import { type HighlightStyle, HOVER_DELAY, type Mentions, type Settings, type SettingsPatch } from '../lib/settings';

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  'tint-underline': 'optionsStyleTintUnderline',
  underline: 'optionsStyleUnderline',
  tint: 'optionsStyleTint',
};

const MENTION_LABELS: Record<Mentions, MessageKey> = {
  calm: 'optionsCalmMentions',
  all: 'optionsEveryMention',
  first: 'optionsFirstMention',
};

const clampDelay = (n: number) => Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, Math.round(n)));

/** The card delay: a slider for feel, a number for precision; saved when the reader lets go. */
function HoverDelay({ value, onSave }: { value: number; onSave: (ms: number) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (raw: string) => {
    const n = Number(raw);
    const ms = raw.trim() === '' || Number.isNaN(n) ? value : clampDelay(n);
    setDraft(ms);
    if (ms !== value) onSave(ms);
  };
  return (
    <div class="field">
      <label for="hover-delay">{t('optionsHoverDelay')}</label>
      <div class="delay">
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY.min}
          max={HOVER_DELAY.max}
          step={50}
          value={draft}
          aria-valuetext={t('optionsHoverDelayValue', draft)}
          onInput={(e) => setDraft(Number(e.currentTarget.value))}
          onChange={(e) => commit(e.currentTarget.value)}
        />
        <input
          id="hover-delay-ms"
          type="number"
          min={HOVER_DELAY.min}
          max={HOVER_DELAY.max}
          step={50}
          value={draft}
          aria-label={t('optionsHoverDelayNumber')}
          onChange={(e) => commit(e.currentTarget.value)}
        />
        <span aria-hidden="true">{t('optionsMs')}</span>
      </div>
      <p class="hint">{t('optionsHoverDelayHint', HOVER_DELAY.min, HOVER_DELAY.max)}</p>
    </div>
  );
}

/** What gets highlighted, and how. */
export function Highlighting({ settings, onChange }: { settings: Settings; onChange: (patch: SettingsPatch) => void }) {
  return (
    <section class="panel" aria-labelledby="highlighting">
      <h2 id="highlighting">{t('optionsHighlighting')}</h2>
      <fieldset>
        <legend>{t('optionsKinds')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} class="choice">
            <input
              type="checkbox"
              name="category"
              value={c}
              checked={settings.categories[c] !== false}
              onChange={(e) => onChange({ categories: { [c]: e.currentTarget.checked } })}
            />
            <span class="dot" data-category={c} aria-hidden="true" />
            {heading(c)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsMentions')}</legend>
        {(Object.keys(MENTION_LABELS) as Mentions[]).map((m) => (
          <label key={m} class="choice">
            <input
              type="radio"
              name="mentions"
              value={m}
              checked={settings.mentions === m}
              onChange={() => onChange({ mentions: m })}
            />
            {t(MENTION_LABELS[m])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsWhere')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.scope === 'page'}
            onChange={(e) => onChange({ scope: e.currentTarget.checked ? 'page' : 'article' })}
          />
          {t('optionsWholePage')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsStyle')}</legend>
        {(Object.keys(STYLE_LABELS) as HighlightStyle[]).map((s) => (
          <label key={s} class="choice">
            <input
              type="radio"
              name="style"
              value={s}
              checked={settings.style === s}
              onChange={() => onChange({ style: s })}
            />
            <span class="style-name">{t(STYLE_LABELS[s])}</span>
            <span class={`sample ${s}`} aria-hidden="true">
              {t('optionsStyleSample')}
            </span>
          </label>
        ))}
      </fieldset>
      <HoverDelay value={settings.hoverDelay} onSave={(hoverDelay) => onChange({ hoverDelay })} />
    </section>
  );
}
