import { heading } from '../lib/category-names';
import { mentions, t } from '../lib/i18n';
import type { PageState } from '../lib/messages';
import { groupEntities, type Lookup } from './lookup';

/** Knowledge text is plain, but a name like "C*" must not turn the rest of the line bold. */
const md = (text: string): string => text.replace(/[\\`*_[\]]/g, (c) => `\\${c}`);

/** The page summary the popup copies: a title with the hostname, one line per entity by category, then connections. */
export function summaryMarkdown(state: PageState, lookup: Lookup): string {
  const lines = [`# ${t('summaryTitle', md(state.hostname))}`];
  for (const { category, rows } of groupEntities(state.entities)) {
    lines.push('', `## ${heading(category)}`, '');
    for (const e of rows) {
      const summary = lookup.summary(e.id);
      lines.push(`- **${md(e.name)}** (${mentions(e.count)})${summary ? `: ${md(summary)}` : ''}`);
    }
  }
  const links = lookup.connections(state.entities.map((e) => e.id));
  if (links.length > 0) lines.push('', `## ${t('summaryConnections')}`, '', ...links.map((l) => `- ${md(l)}`));
  return `${lines.join('\n')}\n`;
}
