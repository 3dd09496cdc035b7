import { truncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../../electron/core/site-service';
import { gitSandbox, type GitSandbox } from '../../../../helpers/git-repos';

let box: GitSandbox;
let service: SiteService;
let site: string;

beforeEach(async () => {
  box = gitSandbox();
  site = box.clone('site');
  service = new SiteService({ git: { env: box.env }, now: () => Date.parse('2025-01-01T00:00:00Z') });
});
afterEach(async () => {
  await service.close();
  box.dispose();
});

/** Commit every change in the site, as the writer would before pushing. */
function commitAll(message: string) {
  box.git(site, 'add', '--all');
  box.git(site, 'commit', '--quiet', '-m', message);
}

describe('gitPrePushCheck', () => {
  it('lists what will not appear or resolve, and the files GitHub warns about or rejects, for the commits to push', async () => {
    box.write(site, '_posts/2024-06-01-links.md', '---\ntitle: Links\n---\nSee {% post_url 2024-01-01-first %} and {% post_url 2023-01-01-gone %}.\n\n![x](/assets/missing.png)\n');
    box.write(site, '_posts/2024-06-02-hidden.md', '---\ntitle: Hidden\npublished: false\n---\n');
    box.write(site, '_posts/2026-01-01-later.md', '---\ntitle: Later\n---\n');
    box.write(site, 'assets/big.bin', '');
    truncateSync(path.join(site, 'assets/big.bin'), 51 * 1024 * 1024);
    box.write(site, 'assets/huge.bin', '');
    truncateSync(path.join(site, 'assets/huge.bin'), 101 * 1024 * 1024);
    commitAll('Many things');
    await service.openSite(site);

    const { problems } = await service.gitPrePushCheck();
    const problem = (path: string, severity: string, line: number | null, message: string) => expect.objectContaining({ path, severity, line, message: expect.stringContaining(message) });
    expect(problems).toEqual(
      expect.arrayContaining([
        problem('_posts/2024-06-01-links.md', 'error', 4, '{% post_url 2023-01-01-gone %} names no post'),
        problem('_posts/2024-06-01-links.md', 'warning', 6, 'the image /assets/missing.png is not in the site'),
        problem('_posts/2024-06-02-hidden.md', 'warning', null, 'Jekyll skips this post'),
        problem('_posts/2026-01-01-later.md', 'warning', null, 'in the future'),
        problem('assets/big.bin', 'warning', null, '51 MB: GitHub warns about files over 50 MB'),
        problem('assets/huge.bin', 'error', null, '101 MB: GitHub rejects files over 100 MB'),
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('has nothing to say about a clean push, and only looks at the commits that are not on the remote yet', async () => {
    box.write(site, '_posts/2024-06-02-hidden.md', '---\ntitle: Hidden\npublished: false\n---\n');
    commitAll('Hidden');
    box.git(site, 'push', '--quiet');
    box.write(site, '_posts/2024-06-03-fine.md', '---\ntitle: Fine\n---\n![ok](/assets/ok.png)\n');
    box.write(site, 'assets/ok.png', 'png');
    commitAll('Fine');
    await service.openSite(site);
    expect((await service.gitPrePushCheck()).problems).toEqual([]);
  });
});
