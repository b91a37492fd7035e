import type { ManifestV3Export } from '@crxjs/vite-plugin';

type Manifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;

/** What we add for Firefox (crxjs's manifest type has no `gecko_android`, so it is typed here). */
type FirefoxSettings = {
  background: { scripts: string[]; type: 'module' };
  browser_specific_settings: {
    gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: ['none'] } };
    gecko_android: { strict_min_version: string };
  };
};

/** The add-on id AMO and Firefox know Backstory by (stable across versions: storage is keyed by it). */
export const GECKO_ID = 'backstory@backstory.dev';

/**
 * Firefox 140 (ESR) is the first release with the CSS Custom Highlight API on by default
 * (bug 1964089) and the first desktop release that understands `data_collection_permissions`.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android understands `data_collection_permissions` from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * The Chrome manifest rewritten for Firefox: an event page (`background.scripts`; Firefox MV3
 * runs extension background code as a page, not a service worker) and the gecko settings AMO
 * requires, declaring that Backstory collects and transmits no data.
 */
export function firefoxManifest(chrome: Manifest): Manifest {
  // Firefox has a sidebar where Chrome has a side panel: the same page, opened by the popup.
  const { side_panel: panel, ...rest } = chrome as Manifest & { side_panel?: { default_path: string } };
  const firefox: Manifest & FirefoxSettings & { sidebar_action?: object } = {
    ...rest,
    permissions: (chrome.permissions ?? []).filter((p) => p !== 'sidePanel'),
    ...(panel
      ? {
          sidebar_action: {
            default_panel: panel.default_path,
            default_title: '__MSG_extName__',
            open_at_install: false,
          },
        }
      : {}),
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
  return firefox;
}
