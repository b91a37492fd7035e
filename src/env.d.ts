/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** True in the Firefox build (vite.config.ts). */
  readonly BACKSTORY_FIREFOX?: boolean;
}
