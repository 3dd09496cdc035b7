import { IS_MAC, matchesShortcut } from './shortcuts';

/**
 * One user action: the menu, the toolbar and the keyboard all use this one record, so a label,
 * a shortcut or an enabled-state is never defined twice.
 */
export interface Command<Ctx> {
  id: string;
  label: string;
  shortcut?: string;
  enabled(ctx: Ctx): boolean;
  run(ctx: Ctx): void | Promise<void>;
}

/** Run the first enabled command whose shortcut matches `event`; true when one ran. */
export function runShortcut<Ctx>(commands: readonly Command<Ctx>[], event: KeyboardEvent, ctx: Ctx): boolean {
  const command = commands.find((c) => c.shortcut !== undefined && matchesShortcut(event, c.shortcut, IS_MAC));
  if (!command) return false;
  event.preventDefault();
  if (command.enabled(ctx)) void command.run(ctx);
  return true;
}
