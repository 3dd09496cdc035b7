import type { MethodArgs, MethodName, MethodValue } from './api';
import type { MenuItemSpec, MenuTitles } from './app-menu';
import type { Result } from './result';

/**
 * What the Electron preload exposes as `window.hanji`: one function per API method returning a
 * Result, and one event subscription. It carries data only; the renderer's client unwraps it.
 */
export type Bridge = { [M in MethodName]: (...args: MethodArgs<M>) => Promise<Result<MethodValue<M>>> } & {
  /** Receive every engine event; returns the function that unsubscribes. */
  onEvent(listener: (message: unknown) => void): () => void;
  /** Show the renderer's commands in the desktop menu bar (see app-menu.ts). */
  setMenu(titles: MenuTitles, items: MenuItemSpec[]): void;
  /** Receive the id of each menu-bar command the user chooses; returns the function that unsubscribes. */
  onMenuCommand(listener: (id: string) => void): () => void;
};

/** IPC channel for API calls (renderer → main). */
export const RPC_CHANNEL = 'hanji:rpc';
/** IPC channel for events (main → renderer). */
export const EVENT_CHANNEL = 'hanji:event';
/** IPC channel: the renderer's menu-bar commands (renderer → main; see app-menu.ts). */
export const MENU_CHANNEL = 'hanji:menu';
/** IPC channel: a menu-bar command was chosen (main → renderer). */
export const MENU_COMMAND_CHANNEL = 'hanji:menu-command';

/** Meta tag in which the server hands the page its per-document style nonce (see the CSP). */
export const STYLE_NONCE_META = 'hanji-style-nonce';
