import { applyFrontMatterEdits, parseAssignment, parseRemoval } from '../../shared/frontmatter/edit';
import type { NewPostInput } from '../../shared/model/site';
import { openForCli } from './index-command';

/** `set` and `unset`: front-matter edits as minimal patches, saved like the app saves. Returns the post's path. */
export async function editFrontMatter(root: string, post: string, args: readonly string[], mode: 'set' | 'unset'): Promise<{ path: string; changed: boolean }> {
  const edits = args.map((arg) => (mode === 'set' ? parseAssignment(arg) : parseRemoval(arg)));
  const service = await openForCli(root);
  try {
    const doc = await service.readPost(post);
    const text = applyFrontMatterEdits(doc.text, edits, doc.path);
    if (text === doc.text) return { path: doc.path, changed: false };
    await service.writePost(doc.path, text, doc.hash);
    return { path: doc.path, changed: true };
  } finally {
    await service.close();
  }
}

/** `new`: create a post or draft; returns its path. */
export async function createPost(root: string, input: NewPostInput): Promise<string> {
  const service = await openForCli(root);
  try {
    return (await service.createPost(input)).path;
  } finally {
    await service.close();
  }
}

/** `publish`: a draft becomes a dated post (or an unpublished post loses `published: false`); returns the new path. */
export async function publishPost(root: string, post: string, date: string | undefined): Promise<string> {
  const service = await openForCli(root);
  try {
    const doc = await service.readPost(post);
    return (await service.publishPost(doc.path, date === undefined ? {} : { date }, doc.hash)).path;
  } finally {
    await service.close();
  }
}
