import type { PostStatus, PostSummary } from '../../../shared/model/site';

const STATUS_LABELS: Record<Exclude<PostStatus, 'published'>, string> = { draft: 'draft', unpublished: 'unpublished', future: 'scheduled' };

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
              {post.title ?? post.path.slice(post.path.lastIndexOf('/') + 1)}
            </span>
            <span className="post-meta">
              <time dateTime={post.date}>{post.date.slice(0, 10)}</time>
              {post.status !== 'published' ? <span className={`badge badge-${post.status}`}>{STATUS_LABELS[post.status]}</span> : null}
              {post.problems.some((p) => p.severity === 'error') ? <span className="badge badge-error">invalid front matter</span> : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
