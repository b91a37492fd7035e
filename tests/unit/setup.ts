import { fakeBrowser } from '@webext-core/fake-browser';

// src/lib/ext.ts reads the extension API from globalThis, as in Firefox: give it the fake one.
(globalThis as { browser?: unknown }).browser = fakeBrowser;
