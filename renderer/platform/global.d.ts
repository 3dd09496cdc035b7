import type { Bridge } from '../../shared/contract/bridge';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload. */
    hanji?: Bridge;
  }
}
