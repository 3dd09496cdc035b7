import { IS_MAC, matchesShortcut } from './shortcuts';

/**
 * One user action: the menu bar, the toolbar, context menus and the keyboard all use this one
 * record, so a label, a shortcut or an enabled-state is never defined twice. `target` is the post
 * the action is about (the open one, or the one a context menu was opened on).
 */
export interface Command<Ctx> {
  id: string;
  /** i18n key of the label. */
  label: string;
  shortcut?: string;
  /** Where the command appears besides the keyboard. */
  places: readonly ('toolbar' | 'postMenu' | 'menuBar')[];
  enabled(ctx: Ctx, target: string | null): boolean;
  run(ctx: Ctx, target: string | null): void | Promise<void>;
}

/** Run the first command whose shortcut matches `event` on `target`; true when one matched. */
export function runShortcut<Ctx>(commands: readonly Command<Ctx>[], event: KeyboardEvent, ctx: Ctx, target: string | null): boolean {
  const command = commands.find((c) => c.shortcut !== undefined && matchesShortcut(event, c.shortcut, IS_MAC));
  if (!command) return false;
  event.preventDefault();
  if (command.enabled(ctx, target)) void command.run(ctx, target);
  return true;
}
