import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/model/site';

interface PostListProps {
  posts: PostSummary[];
  selected: string | null;
  dirtyPath: string | null;
  onSelect(path: string): void;
  onContextMenu(path: string, x: number, y: number): void;
}

/** Options rendered at first; a 10,000-post library would otherwise make every keystroke slow. */
export const PAGE_SIZE = 300;

const titleOf = (post: PostSummary) => post.title ?? post.path.slice(post.path.lastIndexOf('/') + 1);
const optionId = (index: number) => `post-option-${index}`;

/**
 * The post library as a listbox: each option is named by the post's title. Arrow keys, Home and
 * End move the active post, Enter opens it, the context-menu key or Shift+F10 opens its actions.
 */
export const PostList = memo(function PostList({ posts, selected, dirtyPath, onSelect, onContextMenu }: PostListProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<string | null>(selected);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const activeIndex = Math.max(0, posts.findIndex((p) => p.path === (active ?? selected)));
  // The open or active post is always rendered, even far down the list.
  const shownCount = Math.min(posts.length, Math.max(limit, activeIndex + 1));

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  if (posts.length === 0) return <p className="empty">{t('app.noMatches')}</p>;

  const moveTo = (index: number) => setActive(posts[Math.min(posts.length - 1, Math.max(0, index))]?.path ?? null);
  const more = posts.length - shownCount;
  const openMenu = (path: string, event: MouseEvent) => {
    event.preventDefault();
    onContextMenu(path, event.clientX, event.clientY);
  };
  return (
    <>
      <div
        ref={listRef}
        role="listbox"
        aria-label={t('library.posts')}
        className="post-list"
        tabIndex={0}
        aria-activedescendant={optionId(activeIndex)}
        onKeyDown={(event) => {
          const current = posts[activeIndex];
          if (event.key === 'ArrowDown') moveTo(activeIndex + 1);
          else if (event.key === 'ArrowUp') moveTo(activeIndex - 1);
          else if (event.key === 'Home') moveTo(0);
          else if (event.key === 'End') moveTo(posts.length - 1);
          else if (event.key === 'PageDown') moveTo(activeIndex + 10);
          else if (event.key === 'PageUp') moveTo(activeIndex - 10);
          else if ((event.key === 'Enter' || event.key === ' ') && current) onSelect(current.path);
          else if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && current) {
            const box = document.getElementById(optionId(activeIndex))?.getBoundingClientRect();
            onContextMenu(current.path, box?.left ?? 0, box?.bottom ?? 0);
          } else return;
          event.preventDefault();
        }}
      >
        {posts.slice(0, shownCount).map((post, index) => (
          <div
            key={post.path}
            id={optionId(index)}
            role="option"
            aria-selected={post.path === selected}
            aria-label={titleOf(post)}
            className={`post-item${index === activeIndex ? ' active' : ''}`}
            title={post.path}
            onClick={() => {
              setActive(post.path);
              onSelect(post.path);
            }}
            onContextMenu={(event) => openMenu(post.path, event)}
          >
            <span className="post-title">
              {post.path === dirtyPath ? (
                <span className="dirty" title={t('library.unsaved')}>
                  ●{' '}
                </span>
              ) : null}
              {titleOf(post)}
            </span>
            <span className="post-meta">
              <time dateTime={post.date}>{post.date.slice(0, 10)}</time>
              {post.status !== 'published' ? <span className={`badge badge-${post.status}`}>{t(`status.${post.status}`)}</span> : null}
              {post.problems.some((p) => p.severity === 'error') ? <span className="badge badge-error">{t('library.invalid')}</span> : null}
            </span>
          </div>
        ))}
      </div>
      {more > 0 ? (
        <button type="button" className="show-more" onClick={() => setLimit(shownCount + PAGE_SIZE)}>
          {t('library.showMore', { count: Math.min(more, PAGE_SIZE), total: posts.length })}
        </button>
      ) : null}
    </>
  );
});
