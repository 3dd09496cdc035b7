import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from './client-context';
import { useDialog } from '../features/dialogs/DialogHost';
import { CompareView } from '../features/editor/CompareView';
import { MarkdownEditor, replaceText } from '../features/editor/MarkdownEditor';
import { afterQuiet } from '../features/editor/live-text';
import { useOpenPost } from '../features/editor/useOpenPost';
import { FrontMatterForm } from '../features/frontmatter/FrontMatterForm';
import { layoutChoices } from '../features/frontmatter/layout-choices';
import { ContextMenu } from '../features/menus/ContextMenu';
import { DEFAULT_VIEW, namesByUse, viewPosts, type LibraryView } from '../features/posts/filter';
import { PostFilters } from '../features/posts/PostFilters';
import { PostList } from '../features/posts/PostList';
import { usePostActions } from '../features/posts/usePostActions';
import { useBodySearch } from '../features/posts/useBodySearch';
import { usePostLibrary } from '../features/posts/usePostLibrary';
import { PreviewPane } from '../features/preview/PreviewPane';
import { getPreviewSettings, updatePreviewSettings, usePreviewSettings } from '../features/preview/preview-settings';
import { revealLine } from '../features/preview/scroll-sync';
import { GitPanel } from '../features/git/GitPanel';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { TaxonomyPanel } from '../features/taxonomy/TaxonomyPanel';
import { resolveLanguage, setLanguage } from '../i18n/i18n';
import { APP_COMMANDS, type AppContext } from './app-commands';
import { runShortcut } from './commands';
import { getPreferences, updatePreferences, usePreferences, useResolvedTheme } from './preferences';
import { IS_MAC, formatShortcut } from './shortcuts';
import { useDesktopMenu } from './useDesktopMenu';
import { useReadingStats } from './useReadingStats';

/** The editor font choices of Settings, as CSS font stacks (Korean-capable fonts first). */
const EDITOR_FONTS = {
  mono: "ui-monospace, 'D2Coding', 'Noto Sans Mono CJK KR', monospace",
  sans: "system-ui, 'Pretendard', 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif",
  serif: "'Noto Serif KR', 'Nanum Myeongjo', 'AppleMyungjo', serif",
} as const;

/** Autosave waits for this pause in typing. */
const AUTOSAVE_DELAY_MS = 2000;

/** The app shell: post library on the left, the editor and the front-matter form, status at the bottom. */
export function App() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const theme = useResolvedTheme();
  const library = usePostLibrary();
  const editor = useOpenPost(library.site?.root ?? null);
  const ask = useDialog();
  const { post, dirty } = editor;
  const [view, setView] = useState<LibraryView>(DEFAULT_VIEW);
  const [menu, setMenu] = useState<{ path: string; x: number; y: number } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [taxonomyOpen, setTaxonomyOpen] = useState(false);
  const [gitOpen, setGitOpen] = useState(false);
  const [message, setMessage] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const editorView = useRef<EditorView | null>(null);
  // Also as state: the preview re-binds its scroll sync when the editor view is replaced.
  const [liveEditor, setLiveEditor] = useState<EditorView | null>(null);
  const previewShown = usePreviewSettings().visible;

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => setLanguage(resolveLanguage(prefs.language, navigator.languages)), [prefs.language]);

  // Reopen the post that was open when this site was last closed.
  const root = library.site?.root ?? null;
  const { open } = editor;
  useEffect(() => {
    const last = root ? getPreferences().lastPost[root] : undefined;
    if (root && last && library.posts.some((p) => p.path === last)) void open(last);
    // Only when the site changes: later list updates must not reopen anything.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root, library.posts.length > 0]);

  // After a crash: offer the unsaved text kept for each post of this site.
  const client = useClient();
  const { recover } = editor;
  const recoveryOffered = useRef<string | null>(null);
  useEffect(() => {
    if (!root || recoveryOffered.current === root) return;
    recoveryOffered.current = root;
    let active = true;
    void (async () => {
      const copies = await client.listRecovery().catch(() => []);
      for (const copy of copies) {
        if (!active) return;
        const answer = await ask({
          title: t('dialog.recoveryTitle'),
          message: t('dialog.recoveryMessage', { path: copy.path, when: new Date(copy.savedAt).toLocaleString() }),
          buttons: [
            { id: 'discard', label: t('dialog.discard'), danger: true },
            { id: 'recover', label: t('dialog.recover'), primary: true },
          ],
          cancel: 'later',
        });
        if (answer.button === 'recover') await recover(copy.path, copy.text);
        else if (answer.button === 'discard') await client.discardRecovery(copy.path);
        if (answer.button === 'recover') return;
      }
    })();
    return () => {
      active = false;
    };
  }, [root, client, ask, recover, t]);

  const openAndRemember = useCallback(
    async (path: string) => {
      await open(path);
      if (root) updatePreferences({ lastPost: { ...getPreferences().lastPost, [root]: path } });
    },
    [open, root],
  );

  const postTitle = (path: string) => library.posts.find((p) => p.path === path)?.title ?? path.slice(path.lastIndexOf('/') + 1);

  /** Save, discard or cancel the open post's unsaved edits before something replaces them. */
  const settleUnsaved = useCallback(
    async (reloadOnDiscard: boolean): Promise<boolean> => {
      if (!dirty || !post) return true;
      const answer = await ask({
        title: t('dialog.unsavedTitle', { name: postTitle(post.path) }),
        message: t('dialog.unsavedMessage'),
        buttons: [
          { id: 'discard', label: t('dialog.discard'), danger: true },
          { id: 'cancel', label: t('dialog.cancel') },
          { id: 'save', label: t('dialog.save'), primary: true },
        ],
        cancel: 'cancel',
      });
      if (answer.button === 'cancel') return false;
      if (answer.button === 'save') {
        await editor.save();
        return !editor.isDirty();
      }
      if (reloadOnDiscard) await editor.takeTheirs();
      else await editor.dropRecovery();
      return true;
    },
    // postTitle reads the current list; the dialog text is built when asked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ask, dirty, editor, post, t],
  );

  const select = useCallback(
    async (path: string) => {
      if (path === post?.path) return;
      if (await settleUnsaved(false)) await openAndRemember(path);
    },
    [openAndRemember, post?.path, settleUnsaved],
  );

  // Stable, so the library (a memo component of hundreds of options) skips re-rendering while the user types.
  const selectRef = useRef(select);
  useEffect(() => {
    selectRef.current = select;
  });
  const onSelectPost = useCallback((path: string) => void selectRef.current(path), []);
  const onPostMenu = useCallback((path: string, x: number, y: number) => setMenu({ path, x, y }), []);

  const actions = usePostActions({
    posts: library.posts,
    open: openAndRemember,
    settle: async (path) => (path === post?.path ? settleUnsaved(true) : true),
    gone: (path) => {
      if (path === post?.path) editor.close();
    },
    report: setMessage,
  });

  const { save, isDirty, live } = editor;
  const closeGit = useCallback(() => setGitOpen(false), []);
  const ctx = useMemo<AppContext>(
    () => ({
      posts: library.posts,
      openPath: post?.path ?? null,
      dirty,
      save,
      saveAndClose: async () => {
        await save();
        if (!isDirty()) window.close();
      },
      ...actions,
      toggleForm: () => updatePreferences({ showForm: !getPreferences().showForm }),
      togglePreview: () => updatePreviewSettings({ visible: !getPreviewSettings().visible }),
      focusSearch: () => searchRef.current?.focus(),
      openSettings: () => setSettingsOpen(true),
      toggleTaxonomy: () => setTaxonomyOpen((open) => !open),
      openGit: () => setGitOpen(true),
    }),
    [library.posts, post?.path, dirty, save, isDirty, actions],
  );

  useDesktopMenu(APP_COMMANDS, ctx, ctx.openPath);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void runShortcut(APP_COMMANDS, event, ctx, ctx.openPath);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [ctx]);

  // Autosave (off by default): after a pause in typing, timed from the last keystroke.
  useEffect(() => {
    if (!prefs.autosave || !dirty) return;
    return afterQuiet(live, AUTOSAVE_DELAY_MS, () => void save());
  }, [prefs.autosave, dirty, live, save]);

  // The open post changed on disk while it had unsaved edits: ask what to keep.
  const { conflict } = editor;
  useEffect(() => {
    if (!conflict) return;
    let active = true;
    void (async () => {
      const name = postTitle(conflict.path);
      for (;;) {
        const answer = await ask({
          title: t('dialog.conflictTitle', { name }),
          message: conflict.kind === 'deleted' ? t('dialog.deletedOnDisk', { path: conflict.path }) : t('dialog.conflictMessage'),
          buttons: [
            ...(conflict.kind === 'changed' ? [{ id: 'compare', label: t('dialog.compare') }] : []),
            { id: 'theirs', label: t('dialog.takeTheirs') },
            { id: 'mine', label: t('dialog.keepMine'), primary: true },
          ],
          cancel: 'mine-later',
        });
        if (!active) return;
        if (answer.button === 'compare') {
          const theirs = await editor.diskText().catch(() => '');
          await ask({ title: t('dialog.compareTitle'), wide: true, body: <CompareView mine={editor.currentText()} theirs={theirs} />, buttons: [{ id: 'close', label: t('dialog.close'), primary: true }], cancel: 'close' });
          continue;
        }
        if (answer.button === 'theirs') await editor.takeTheirs();
        if (answer.button === 'mine') {
          const sure = await ask({
            title: t('dialog.keepMineConfirm'),
            buttons: [
              { id: 'cancel', label: t('dialog.cancel') },
              { id: 'overwrite', label: t('dialog.overwrite'), primary: true, danger: true },
            ],
            cancel: 'cancel',
          });
          if (sure.button !== 'overwrite') continue;
          await editor.keepMine();
        }
        if (answer.button === 'mine-later') editor.dismissConflict();
        return;
      }
    })();
    return () => {
      active = false;
    };
    // One dialog per conflict.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conflict]);

  const summary = library.posts.find((p) => p.path === post?.path);
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${summary?.title ? `${summary.title} — ` : ''}${library.site?.title ?? 'Hanji'}`;
  }, [dirty, summary?.title, library.site]);

  const bodyMatches = useBodySearch(view.query);
  const shown = useMemo(() => viewPosts(library.posts, view, bodyMatches), [library.posts, view, bodyMatches]);
  const usage = useMemo(() => ({ tags: namesByUse(library.posts, 'tags').map((n) => n.name), categories: namesByUse(library.posts, 'categories').map((n) => n.name), layouts: layoutChoices(library.site?.layouts ?? [], library.posts) }), [library.posts, library.site]);
  const stats = useReadingStats(post?.text ?? null);
  const onView = useCallback((v: EditorView | null) => {
    editorView.current = v;
    setLiveEditor(v);
  }, []);
  const onRevealLine = useCallback((line: number) => {
    if (editorView.current) revealLine(editorView.current, line);
  }, []);

  const label = (id: string) => {
    const command = APP_COMMANDS.find((c) => c.id === id);
    return command ? `${t(command.label)}${command.shortcut ? ` (${formatShortcut(command.shortcut, IS_MAC)})` : ''}` : id;
  };
  const toolbar = APP_COMMANDS.filter((c) => c.places.includes('toolbar'));
  const url = summary ? `${library.site?.baseurl ?? ''}${summary.url}` : '';

  return (
    <div className={`app${prefs.showForm ? ' with-form' : ''}${previewShown ? ' with-preview' : ''}`} style={{ '--editor-font-size': `${prefs.fontSize}px`, '--editor-font': EDITOR_FONTS[prefs.fontFamily] } as CSSProperties}>
      <aside className="sidebar">
        <header className="site-header">
          <h1 className="site-title">{library.site?.title ?? t('app.name')}</h1>
          {library.site ? (
            <p className="site-root" title={library.site.root}>
              {library.site.root}
            </p>
          ) : null}
        </header>
        <PostFilters searchRef={searchRef} posts={library.posts} view={view} onChange={setView} />
        {taxonomyOpen && library.site ? <TaxonomyPanel posts={library.posts} onFilter={(kind, name) => setView((v) => ({ ...v, tag: kind === 'tags' ? name : null, category: kind === 'categories' ? name : null }))} /> : null}
        {library.error ? (
          <p role="alert" className="error">
            {library.error}
          </p>
        ) : null}
        {library.loading && library.posts.length === 0 ? <p className="empty">{t('app.loading')}</p> : null}
        {!library.loading && library.posts.length === 0 ? <p className="empty">{t('app.noPosts')}</p> : null}
        {library.posts.length > 0 ? (
          <PostList posts={shown} selected={post?.path ?? null} dirtyPath={dirty ? (post?.path ?? null) : null} onSelect={onSelectPost} onContextMenu={onPostMenu} />
        ) : null}
      </aside>
      <main className="workspace">
        <div className="toolbar" role="toolbar" aria-label={t('library.actions')}>
          <span className="doc-path">{post?.path ?? ''}</span>
          <span className="toolbar-buttons">
            {post ? (
              <button
                type="button"
                aria-haspopup="menu"
                title={t('library.actions')}
                onClick={(event) => {
                  const box = event.currentTarget.getBoundingClientRect();
                  setMenu({ path: post.path, x: box.left, y: box.bottom });
                }}
              >
                {t('library.actions')} ▾
              </button>
            ) : null}
            {toolbar.map((command) => (
              <button key={command.id} type="button" disabled={!command.enabled(ctx, ctx.openPath)} onClick={() => void command.run(ctx, ctx.openPath)} title={label(command.id)}>
                {t(command.label)}
              </button>
            ))}
          </span>
        </div>
        {post ? (
          <div className="document">
            <MarkdownEditor key={`${post.path}#${post.revision}`} path={post.path} initialText={post.text} onChange={editor.edit} onView={onView} label={t('editor.textOf', { path: post.path })} theme={theme} onImage={(file, base64) => client.saveAsset(post.path, file.name, base64).then((asset) => asset.url)} onImageError={setMessage} />
            {previewShown && library.site ? <PreviewPane path={post.path} text={post.text} live={live} summary={summary ?? null} posts={library.posts} site={library.site} editor={liveEditor} onRevealLine={onRevealLine} onOpenPost={(p) => void select(p)} onMessage={setMessage} /> : null}
            {prefs.showForm ? (
              <aside className="form-panel">
                <FrontMatterForm
                  text={post.text}
                  live={live}
                  usage={usage}
                  t={t}
                  onChange={(next) => {
                    if (editorView.current) replaceText(editorView.current, next);
                  }}
                />
              </aside>
            ) : null}
          </div>
        ) : (
          <p className="placeholder">{t('app.choosePost')}</p>
        )}
        <footer className="status-bar" role="status">
          <span>{post ? (dirty ? t('editor.unsaved') : t('editor.saved')) : ''}</span>
          {stats ? (
            <>
              <span>{t('editor.words', { count: stats.words })}</span>
              <span>{t('editor.chars', { count: stats.characters })}</span>
              <span>{stats.minutes === 0 ? t('editor.readTimeLess') : t('editor.readTime', { count: stats.minutes })}</span>
            </>
          ) : null}
          {url ? <span className="post-url">{url}</span> : null}
          <span>{message || editor.status}</span>
        </footer>
      </main>
      {menu ? (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label={t('library.actions')}
          onClose={() => setMenu(null)}
          entries={APP_COMMANDS.filter((c) => c.places.includes('postMenu')).map((c) => ({
            id: c.id,
            label: t(c.label),
            ...(c.shortcut ? { shortcut: formatShortcut(c.shortcut, IS_MAC) } : {}),
            disabled: !c.enabled(ctx, menu.path),
            run: () => void c.run(ctx, menu.path),
          }))}
        />
      ) : null}
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      {gitOpen ? <GitPanel onClose={closeGit} openPost={post?.path ?? null} titleOf={(path) => library.posts.find((p) => p.path === path)?.title ?? null} /> : null}
    </div>
  );
}
