import knowledge from 'backstory:knowledge';
import browser from 'webextension-polyfill';
import { createDirectory } from '../knowledge/details';
import { badgeText } from '../lib/badge';
import { type ToBackground, toTab } from '../lib/messages';

const directory = createDirectory(knowledge);

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  const message = raw as ToBackground;
  switch (message.kind) {
    case 'page-state': {
      const tabId = sender.tab?.id;
      // Frames report too; the badge speaks for the top document.
      if (tabId !== undefined && sender.frameId === 0) {
        void browser.action.setBadgeText({ tabId, text: badgeText(message.state) });
        void browser.action.setBadgeBackgroundColor({ tabId, color: message.state.enabled ? '#3654c8' : '#6b6b6b' });
      }
      return undefined;
    }
    case 'entity-details':
      return Promise.resolve(directory.details(message.id));
    default:
      return undefined;
  }
});

browser.commands.onCommand.addListener(async (command) => {
  const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
  if (direction === 0) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab without the content script (chrome://, the store) has nobody to answer: nothing to do.
  await toTab(tab.id, { kind: 'step', direction }).catch(() => undefined);
});
