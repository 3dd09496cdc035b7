import { classifyPostPath } from '../jekyll/post-filename';
import type { GitFileChange } from '../model/git';

/**
 * The commit message Hanji suggests for the selected changes: "Add post: <title>" for one new
 * post, "Update 3 posts" for several, "… and 2 files" when images or other files come along.
 * `titleOf` gives a post's title (null when it has none; the file name is used then).
 */
export function suggestCommitMessage(files: readonly GitFileChange[], titleOf: (path: string) => string | null): string {
  const posts = files.filter((f) => classifyPostPath(f.path) !== null);
  const others = files.length - posts.length;
  const more = others === 0 ? '' : ` and ${others} ${others === 1 ? 'file' : 'files'}`;
  if (posts.length === 1) {
    const post = posts[0] as GitFileChange;
    const verb = post.kind === 'new' ? 'Add' : post.kind === 'deleted' ? 'Remove' : 'Update';
    const name = titleOf(post.path) ?? post.path.slice(post.path.lastIndexOf('/') + 1);
    return `${verb} post: ${name}${more}`;
  }
  if (posts.length > 1) {
    const verb = posts.every((p) => p.kind === 'new') ? 'Add' : posts.every((p) => p.kind === 'deleted') ? 'Remove' : 'Update';
    return `${verb} ${posts.length} posts${more}`;
  }
  if (files.length === 1) return `Update ${(files[0] as GitFileChange).path}`;
  return files.length === 0 ? '' : `Update ${files.length} files`;
}
