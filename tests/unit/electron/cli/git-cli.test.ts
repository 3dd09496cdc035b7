import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../helpers/temp-site';
import { gitSandbox, type GitSandbox } from '../../../helpers/git-repos';

let box: GitSandbox;
beforeEach(() => {
  box = gitSandbox();
});
afterEach(() => box.dispose());

/** Run the CLI as the README says, with git sandboxed to the test's HOME. */
function cli(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: box.env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('hanji git', () => {
  it('shows the status as JSON, commits the named post and pushes it to the remote', () => {
    const site = box.clone('site');
    box.write(site, '_posts/2024-02-01-second.md', '---\ntitle: Second\n---\n');
    box.write(site, 'draft-notes.txt', 'stays out');

    const status = cli('git', 'status', site, '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ isRepo: true, branch: 'main', upstream: 'origin/main', files: [{ path: '_posts/2024-02-01-second.md', kind: 'new' }, { path: 'draft-notes.txt', kind: 'new' }] });

    const commit = cli('git', 'commit', site, '-m', 'Add post: Second', '_posts/2024-02-01-second.md');
    expect(commit).toMatchObject({ code: 0, stderr: '' });
    expect(commit.stdout).toMatch(/^committed [0-9a-f]{12}: _posts\/2024-02-01-second\.md\n$/u);
    expect(cli('git', 'push', site)).toMatchObject({ code: 0 });
    expect(box.git(box.remote, 'log', '--format=%s', '-1', 'main').trim()).toBe('Add post: Second');
    expect(cli('git', 'pull', site)).toMatchObject({ code: 0 });
  });

  it('fails a push the remote is ahead of with the reason and the next step, exit 1', () => {
    const site = box.clone('site');
    const other = box.clone('other');
    box.write(other, 'b.md', 'b');
    box.git(other, 'add', '.');
    box.git(other, 'commit', '--quiet', '-m', 'Theirs');
    box.git(other, 'push', '--quiet');
    box.write(site, 'a.md', 'a');
    expect(cli('git', 'commit', site, '-m', 'Mine')).toMatchObject({ code: 0 });
    const push = cli('git', 'push', site);
    expect(push).toMatchObject({ code: 1, stdout: '' });
    expect(push.stderr).toMatch(/Pull first, then push again/u);
    expect(cli('git', 'pull', site, '--rebase')).toMatchObject({ code: 0 });
    expect(cli('git', 'push', site)).toMatchObject({ code: 0 });
  });

  it('refuses a commit without a message as a usage error', () => {
    expect(cli('git', 'commit', box.clone('site'))).toMatchObject({ code: 2, stdout: '' });
    expect(cli('git', 'rebase', box.dir)).toMatchObject({ code: 2 });
  });
});

describe('hanji export', () => {
  it('copies a post and its image into another repository and commits there', () => {
    const site = box.clone('site');
    box.write(site, '_posts/2024-02-01-second.md', '---\ntitle: Second\n---\n![x](/assets/x.png)\n');
    box.write(site, 'assets/x.png', 'png');
    const target = box.clone('target');
    const run = cli('export', site, '--to', target, '_posts/2024-02-01-second.md', '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ files: ['_posts/2024-02-01-second.md', 'assets/x.png'], pushed: true });
    expect(box.git(box.remote, 'log', '-1', '--format=%s', 'main').trim()).toBe('Add post: Second and 1 file');
    expect(cli('export', site)).toMatchObject({ code: 2 });
  });
});
