import { useEffect, useMemo } from 'react';
import { MarkdownEditor } from '../features/editor/MarkdownEditor';
import { useOpenPost } from '../features/editor/useOpenPost';
import { PostList } from '../features/posts/PostList';
import { usePostLibrary } from '../features/posts/usePostLibrary';
import { runShortcut, type Command } from './commands';
import { IS_MAC, formatShortcut } from './shortcuts';

interface AppContext {
  canSave: boolean;
  save(): Promise<void>;
}

/** Every app command; the keyboard handler and the toolbar read this one list. */
const COMMANDS: readonly Command<AppContext>[] = [
  { id: 'file.save', label: 'Save', shortcut: 'Mod-s', enabled: (ctx) => ctx.canSave, run: (ctx) => ctx.save() },
];

/** The app shell: post library on the left, the editor in the middle, status at the bottom. */
export function App() {
  const library = usePostLibrary();
  const editor = useOpenPost(library.site?.root ?? null);
  const { post, dirty } = editor;

  const ctx = useMemo<AppContext>(() => ({ canSave: dirty, save: editor.save }), [dirty, editor.save]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void runShortcut(COMMANDS, event, ctx);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [ctx]);

  const title = library.posts.find((p) => p.path === post?.path)?.title;
  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${title ? `${title} — ` : ''}${library.site?.title ?? 'Hanji'}`;
  }, [dirty, title, library.site]);

  const select = (path: string) => {
    if (path === post?.path) return;
    if (dirty && !window.confirm('This post has unsaved changes. Discard them and open another post?')) return;
    void editor.open(path);
  };

  const save = COMMANDS[0];
  return (
    <div className="app">
      <aside className="sidebar">
        <header className="site-header">
          <h1 className="site-title">{library.site?.title ?? 'Hanji'}</h1>
          {library.site ? <p className="site-root" title={library.site.root}>{library.site.root}</p> : null}
        </header>
        {library.error ? <p role="alert" className="error">{library.error}</p> : null}
        {library.loading && library.posts.length === 0 ? <p className="empty">Loading posts…</p> : null}
        <PostList posts={library.posts} selected={post?.path ?? null} dirtyPath={dirty ? (post?.path ?? null) : null} onSelect={select} />
      </aside>
      <main className="workspace">
        {post ? (
          <>
            <div className="toolbar">
              <span className="doc-path">{post.path}</span>
              {save ? (
                <button type="button" disabled={!dirty} onClick={() => void save.run(ctx)} title={save.shortcut ? formatShortcut(save.shortcut, IS_MAC) : undefined}>
                  {save.label}
                </button>
              ) : null}
            </div>
            <MarkdownEditor key={`${post.path}#${post.revision}`} path={post.path} initialText={post.text} onChange={editor.edit} />
          </>
        ) : (
          <p className="placeholder">Choose a post on the left to start writing.</p>
        )}
        <footer className="status-bar" role="status">
          <span>{dirty ? 'Unsaved changes' : post ? 'Saved' : ''}</span>
          <span>{editor.status}</span>
        </footer>
      </main>
    </div>
  );
}
