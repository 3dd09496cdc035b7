import { z } from 'zod';

/**
 * The desktop menu bar is built from the renderer's command registry: the renderer sends the
 * commands (translated labels, shortcuts, enabled states) and the main process turns them into
 * an Electron menu whose clicks come back as command ids. Nothing else crosses.
 */
export const menuItemSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[A-Za-z]+$/u),
  label: z.string().min(1).max(80),
  /** CodeMirror-style shortcut (`Mod-Shift-n`), or absent. */
  shortcut: z
    .string()
    .regex(/^(?:(?:Mod|Ctrl|Alt|Shift|Cmd)-)*(?:[A-Za-z0-9,.]|F\d{1,2}|Backspace|Delete|Enter)$/u)
    .optional(),
  enabled: z.boolean(),
  /** The top-level menu it belongs to. */
  menu: z.enum(['file', 'post', 'view']),
});

/** One command in the menu bar. */
export type MenuItemSpec = z.infer<typeof menuItemSchema>;

/** The whole list the renderer sends; bounded so a broken renderer cannot flood the main process. */
export const menuSpecSchema = z.array(menuItemSchema).max(64);

/** The translated titles of the top-level menus, and of the dialog that guards closing with unsaved edits. */
export const menuTitlesSchema = z.object({
  file: z.string().max(40),
  post: z.string().max(40),
  view: z.string().max(40),
  unsaved: z.object({ message: z.string().max(200), detail: z.string().max(200), save: z.string().max(40), discard: z.string().max(40), cancel: z.string().max(40) }),
});
export type MenuTitles = z.infer<typeof menuTitlesSchema>;

/** Electron's accelerator for a CodeMirror-style shortcut: `Mod-Shift-n` is `CmdOrCtrl+Shift+N`. */
export function toAccelerator(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part, i, all) => (i < all.length - 1 ? (part === 'Mod' ? 'CmdOrCtrl' : part === 'Cmd' ? 'Command' : part) : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}
