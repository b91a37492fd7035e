import { dayMonthYear, monthYear } from '../knowledge/dates';
import { heading } from '../lib/category-names';
import { mentions, t } from '../lib/i18n';
import type { PageState } from '../lib/messages';
import { groupEntities, type Lookup } from './lookup';

/** Knowledge text is plain, but a name like "C*" must not turn the rest of the line bold. */
const md = (text: string): string => text.replace(/[\\`*_[\]]/g, (c) => `\\${c}`);

/**
 * The page summary the popup copies: a title with the hostname, one line per entity by category,
 * the connections, then the timeline (the article's own date marked), each row with its source.
 */
export function summaryMarkdown(state: PageState, lookup: Lookup): string {
  const lines = [`# ${t('summaryTitle', md(state.hostname))}`];
  for (const { category, rows } of groupEntities(state.entities)) {
    lines.push('', `## ${heading(category)}`, '');
    for (const e of rows) {
      const summary = lookup.summary(e.id);
      lines.push(`- **${md(e.name)}** (${mentions(e.count)})${summary ? `: ${md(summary)}` : ''}`);
    }
  }
  const ids = state.entities.map((e) => e.id);
  const links = lookup.connections(ids);
  if (links.length > 0) lines.push('', `## ${t('summaryConnections')}`, '', ...links.map((l) => `- ${md(l)}`));
  const story = lookup.story(ids);
  if (story.length > 0) {
    lines.push('', `## ${t('summaryTimeline')}`, '');
    let marked = !state.articleDate;
    for (const r of story) {
      if (!marked && state.articleDate && r.asOf > state.articleDate) {
        lines.push(`- **${t('popupArticleRow', dayMonthYear(state.articleDate))}**`);
        marked = true;
      }
      lines.push(`- ${monthYear(r.asOf)}: ${md(r.text)} ([${md(new URL(r.source).hostname)}](${r.source}))`);
    }
    if (!marked && state.articleDate) lines.push(`- **${t('popupArticleRow', dayMonthYear(state.articleDate))}**`);
  }
  return `${lines.join('\n')}\n`;
}
