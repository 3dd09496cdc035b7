import path from 'node:path';
import type { ExportMapping, ExportResult } from '../../shared/model/git';
import { openForCli } from './index-command';

/** `export`: the named posts, or every published post, with their images into the repository `target`. */
export async function exportToRepository(root: string, target: string, posts: readonly string[], mapping: ExportMapping): Promise<ExportResult> {
  const service = await openForCli(root);
  try {
    const chosen = posts.length > 0 ? [...posts] : (await service.listPosts()).filter((p) => p.status === 'published').map((p) => p.path);
    return await service.exportPosts(path.resolve(target), chosen, mapping);
  } finally {
    await service.close();
  }
}
