import type { PostSummary } from '../../shared/model/site';
import type { Command } from './commands';

/** What commands act on: the app's state and its actions. */
export interface AppContext {
  posts: readonly PostSummary[];
  openPath: string | null;
  dirty: boolean;
  save(): Promise<void>;
  /** Save, then close the window if nothing is left unsaved (the desktop close guard's "Save"). */
  saveAndClose(): Promise<void>;
  newPost(draft: boolean): Promise<void>;
  rename(path: string): Promise<void>;
  duplicate(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  publish(path: string): Promise<void>;
  unpublish(path: string): Promise<void>;
  toggleForm(): void;
  togglePreview(): void;
  toggleTaxonomy(): void;
  focusSearch(): void;
  openSettings(): void;
  openGit(): void;
}

const statusOf = (ctx: AppContext, path: string | null) => ctx.posts.find((p) => p.path === path)?.status ?? null;
const hasPost = (_ctx: AppContext, path: string | null) => path !== null;

/** Every app command, in menu order. */
export const APP_COMMANDS: readonly Command<AppContext>[] = [
  { id: 'file.save', label: 'command.save', shortcut: 'Mod-s', places: ['toolbar', 'menuBar'], enabled: (ctx) => ctx.dirty, run: (ctx) => ctx.save() },
  { id: 'file.saveAndClose', label: 'command.save', places: [], enabled: () => true, run: (ctx) => ctx.saveAndClose() },
  { id: 'post.new', label: 'command.newPost', shortcut: 'Mod-n', places: ['toolbar', 'menuBar'], enabled: () => true, run: (ctx) => ctx.newPost(false) },
  { id: 'post.newDraft', label: 'command.newDraft', shortcut: 'Mod-Shift-n', places: ['menuBar'], enabled: () => true, run: (ctx) => ctx.newPost(true) },
  { id: 'post.rename', label: 'command.rename', shortcut: 'F2', places: ['postMenu', 'menuBar'], enabled: hasPost, run: (ctx, path) => ctx.rename(path as string) },
  { id: 'post.duplicate', label: 'command.duplicate', shortcut: 'Mod-Shift-d', places: ['postMenu', 'menuBar'], enabled: hasPost, run: (ctx, path) => ctx.duplicate(path as string) },
  {
    id: 'post.publish',
    label: 'command.publish',
    shortcut: 'Mod-Shift-p',
    places: ['toolbar', 'postMenu', 'menuBar'],
    enabled: (ctx, path) => statusOf(ctx, path) === 'draft' || statusOf(ctx, path) === 'unpublished',
    run: (ctx, path) => ctx.publish(path as string),
  },
  {
    id: 'post.unpublish',
    label: 'command.unpublish',
    places: ['postMenu', 'menuBar'],
    enabled: (ctx, path) => statusOf(ctx, path) === 'published' || statusOf(ctx, path) === 'future',
    run: (ctx, path) => ctx.unpublish(path as string),
  },
  { id: 'post.delete', label: 'command.delete', shortcut: 'Mod-Shift-Backspace', places: ['postMenu', 'menuBar'], enabled: hasPost, run: (ctx, path) => ctx.remove(path as string) },
  { id: 'view.toggleForm', label: 'command.toggleForm', shortcut: 'Mod-Shift-f', places: ['toolbar', 'menuBar'], enabled: () => true, run: (ctx) => ctx.toggleForm() },
  { id: 'view.togglePreview', label: 'preview.toggle', shortcut: 'Mod-Shift-v', places: ['toolbar', 'menuBar'], enabled: () => true, run: (ctx) => ctx.togglePreview() },
  { id: 'view.toggleTaxonomy', label: 'command.toggleTaxonomy', shortcut: 'Mod-Shift-t', places: ['toolbar', 'menuBar'], enabled: () => true, run: (ctx) => ctx.toggleTaxonomy() },
  { id: 'view.search', label: 'command.focusSearch', shortcut: 'Mod-p', places: ['menuBar'], enabled: () => true, run: (ctx) => ctx.focusSearch() },
  { id: 'app.git', label: 'command.gitPanel', shortcut: 'Mod-Shift-g', places: ['toolbar', 'menuBar'], enabled: () => true, run: (ctx) => ctx.openGit() },
  { id: 'app.settings', label: 'command.settings', shortcut: 'Mod-,', places: ['toolbar', 'menuBar'], enabled: () => true, run: (ctx) => ctx.openSettings() },
];
