import type { PostSummary } from '../../../shared/model/site';

interface PostListProps {
  posts: PostSummary[];
  selected: string | null;
  dirtyPath: string | null;
  onSelect(path: string): void;
}

/** The post library: title and date of every post, newest first. */
export function PostList({ posts, selected, dirtyPath, onSelect }: PostListProps) {
  if (posts.length === 0) return <p className="empty">No posts in this site yet.</p>;
  return (
    <ul className="post-list" aria-label="Posts">
      {posts.map((post) => (
        <li key={post.path}>
          <button
            type="button"
            className="post-item"
            aria-current={post.path === selected ? 'true' : undefined}
            title={post.path}
            onClick={() => onSelect(post.path)}
          >
            <span className="post-title">
              {post.path === dirtyPath ? <span className="dirty" aria-label="unsaved changes">● </span> : null}
              {post.title}
            </span>
            <span className="post-meta">
              {post.status === 'draft' ? <span className="badge">draft</span> : <time dateTime={post.date ?? undefined}>{post.date}</time>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
