import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteGit } from '../../../../../electron/core/git/site-git';
import { HanjiError } from '../../../../../shared/contract/result';
import { gitSandbox, type GitSandbox } from '../../../../helpers/git-repos';

let box: GitSandbox;
beforeEach(() => {
  box = gitSandbox();
});
afterEach(() => box.dispose());

const NEW_POST = '_posts/2024-02-01-second.md';

/** The error a call fails with. */
async function failure(call: Promise<unknown>): Promise<HanjiError> {
  const error = await call.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HanjiError);
  return error as HanjiError;
}

describe('SiteGit with real git and a bare remote', () => {
  it('commits and pushes a new post: the remote has that commit with the expected files only', async () => {
    const site = box.clone('site');
    box.write(site, NEW_POST, '---\ntitle: Second\n---\nBody.\n');
    box.write(site, 'notes.txt', 'not selected');
    const git = new SiteGit(site, { env: box.env });

    const status = await git.status();
    expect(status).toMatchObject({ isRepo: true, branch: 'main', upstream: 'origin/main', ahead: 0, behind: 0, inProgress: null });
    expect(status.files).toEqual([
      { path: NEW_POST, kind: 'new' },
      { path: 'notes.txt', kind: 'new' },
    ]);
    expect(await git.diff(NEW_POST)).toContain('+title: Second');

    const commit = await git.commit([NEW_POST], 'Add post: Second');
    expect(commit.files).toEqual([NEW_POST]);
    expect((await git.status()).ahead).toBe(1);
    const after = await git.push();
    expect(after).toMatchObject({ ahead: 0, behind: 0 });

    expect(box.git(box.remote, 'log', '-1', '--format=%H %s', 'main').trim()).toBe(`${commit.commit} Add post: Second`);
    expect(box.git(box.remote, 'show', '--name-status', '--format=', 'main').trim()).toBe(`A\t${NEW_POST}`);
    expect(after.files).toEqual([{ path: 'notes.txt', kind: 'new' }]);
  });

  it('refuses a push the remote is ahead of, never forces, and pushes after a pull', async () => {
    const site = box.clone('site');
    const other = box.clone('other');
    box.write(other, '_posts/2024-03-01-theirs.md', '---\ntitle: Theirs\n---\n');
    box.git(other, 'add', '.');
    box.git(other, 'commit', '--quiet', '-m', 'Theirs');
    box.git(other, 'push', '--quiet');
    const theirs = box.git(box.remote, 'rev-parse', 'main').trim();

    box.write(site, NEW_POST, '---\ntitle: Second\n---\n');
    const git = new SiteGit(site, { env: box.env });
    await git.commit([NEW_POST], 'Add post: Second');
    const refused = await failure(git.push());
    expect(refused).toMatchObject({ code: 'GIT_FAILED', reason: 'NON_FAST_FORWARD' });
    expect(refused.message).toMatch(/Pull first/u);
    expect(box.git(box.remote, 'rev-parse', 'main').trim()).toBe(theirs);

    expect(await failure(git.pull('ff'))).toMatchObject({ reason: 'DIVERGED' });
    await git.pull('rebase');
    await git.push();
    expect(box.git(box.remote, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['Add post: Second', 'Theirs', 'Seed']);
  });

  it('refuses to commit during a conflicted rebase, and commits no conflict marker', async () => {
    const site = box.clone('site');
    const other = box.clone('other');
    const first = '_posts/2024-01-01-first.md';
    box.write(other, first, '---\ntitle: First\n---\nTheirs.\n');
    box.git(other, 'commit', '--quiet', '-am', 'Theirs');
    box.git(other, 'push', '--quiet');
    box.write(site, first, '---\ntitle: First\n---\nMine.\n');
    box.git(site, 'commit', '--quiet', '-am', 'Mine');
    box.git(site, 'fetch', '--quiet');
    expect(() => box.git(site, 'rebase', 'origin/main')).toThrow();
    expect(readFileSync(path.join(site, first), 'utf8')).toMatch(/^<<<<<<< /mu);
    const head = box.git(site, 'rev-parse', 'HEAD').trim();
    const git = new SiteGit(site, { env: box.env });

    expect((await git.status()).inProgress).toBe('rebase');
    const refused = await failure(git.commit([first], 'Fix'));
    expect(refused).toMatchObject({ code: 'GIT_FAILED', reason: 'IN_PROGRESS' });
    expect(refused.message).toMatch(/rebase --continue/u);
    expect(await failure(git.push())).toMatchObject({ reason: 'IN_PROGRESS' });
    expect(box.git(site, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(box.git(site, 'log', '--all', '-p', '--format=').includes('<<<<<<<')).toBe(false);
  });

  it('refuses to commit a selected file that still has conflict markers, outside any operation', async () => {
    const site = box.clone('site');
    box.write(site, NEW_POST, '---\ntitle: Second\n---\nHeading\n=======\n\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> abc\n');
    const git = new SiteGit(site, { env: box.env });
    const refused = await failure(git.commit([NEW_POST], 'Add post: Second'));
    expect(refused).toMatchObject({ reason: 'CONFLICTS', path: NEW_POST, line: 7 });
    expect(box.git(site, 'log', '--format=%s').trim()).toBe('Seed');
    expect(box.git(site, 'diff', '--cached', '--name-only').trim()).toBe('');
  });

  it('never runs the core.fsmonitor command of the repository config on status, commit or push', async () => {
    const site = box.clone('site');
    const marker = path.join(box.dir, 'fsmonitor-ran');
    const hook = path.join(box.dir, 'fsmonitor.sh');
    writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    box.git(site, 'config', 'core.fsmonitor', hook);
    // The check has teeth: plain git does run it.
    box.git(site, 'status');
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    box.write(site, NEW_POST, '---\ntitle: Second\n---\n');
    const git = new SiteGit(site, { env: box.env });
    await git.status();
    await git.diff(NEW_POST);
    await git.commit([NEW_POST], 'Add post: Second');
    await git.push();
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps a token in the remote URL out of every status, error and progress message', async () => {
    const site = box.clone('site');
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    box.git(site, 'remote', 'set-url', 'origin', `https://x-access-token:${token}@127.0.0.1:9/blog.git`);
    box.write(site, NEW_POST, '---\ntitle: Second\n---\n');
    const seen: string[] = [];
    const git = new SiteGit(site, { env: box.env, timeoutMs: 20_000 }, (_op, p) => seen.push(JSON.stringify(p)));
    const status = await git.status();
    seen.push(JSON.stringify(status));
    await git.commit([NEW_POST], 'Add post: Second');
    const offline = await failure(git.push());
    expect(offline).toMatchObject({ code: 'GIT_FAILED', reason: 'OFFLINE' });
    seen.push(offline.message, JSON.stringify(offline.toInfo()));
    seen.push((await failure(git.pull('ff'))).message);
    expect(status.remotes).toEqual([{ name: 'origin', url: 'https://***@127.0.0.1:9/blog.git' }]);
    expect(seen.join('\n')).not.toContain(token);
    expect(seen.join('\n')).not.toContain('A1b2C3');
  });

  it('refuses to commit or push on a detached HEAD', async () => {
    const site = box.clone('site');
    box.git(site, 'checkout', '--quiet', '--detach');
    box.write(site, NEW_POST, 'x');
    const git = new SiteGit(site, { env: box.env });
    expect(await git.status()).toMatchObject({ detached: true, branch: null });
    expect(await failure(git.commit([NEW_POST], 'x'))).toMatchObject({ reason: 'DETACHED_HEAD' });
    expect(await failure(git.push())).toMatchObject({ reason: 'DETACHED_HEAD' });
  });

  it('initializes a plain folder, sets the remote and makes the first push', async () => {
    const site = path.join(box.dir, 'plain');
    box.write(site, '_posts/2024-05-05-hello.md', '---\ntitle: Hello\n---\n');
    const empty = path.join(box.dir, 'empty.git');
    box.git(box.dir, 'init', '--quiet', '--bare', empty);
    const git = new SiteGit(site, { env: box.env });
    expect(await git.status()).toMatchObject({ isRepo: false, files: [] });
    expect(await failure(git.commit(['_posts/2024-05-05-hello.md'], 'x'))).toMatchObject({ reason: 'NOT_A_REPO' });
    await git.init();
    box.git(site, 'config', 'user.name', 'Hanji Test');
    box.git(site, 'config', 'user.email', 'test@hanji.invalid');
    box.git(site, 'checkout', '--quiet', '-b', 'main');
    expect(await failure(git.push())).toMatchObject({ reason: 'NO_COMMITS' });
    await git.commit(['_posts/2024-05-05-hello.md'], 'Add post: Hello');
    expect(await failure(git.push())).toMatchObject({ reason: 'NO_REMOTE' });
    await git.setRemote(empty);
    const pushed = await git.push();
    expect(pushed).toMatchObject({ upstream: 'origin/main', ahead: 0 });
    expect(box.git(empty, 'log', '--format=%s', 'main').trim()).toBe('Add post: Hello');
  });

  it('refuses remote URLs and names git would read as options', async () => {
    const site = box.clone('site');
    const git = new SiteGit(site, { env: box.env });
    expect(await failure(git.setRemote('--upload-pack=touch /tmp/x'))).toMatchObject({ reason: 'UNSAFE_NAME' });
    expect(await failure(git.setRemote('ext::sh -c touch% /tmp/x'))).toMatchObject({ reason: 'UNSAFE_NAME' });
    box.git(site, 'checkout', '--quiet', '-b', 'x-branch');
    box.git(site, 'config', 'branch.x-branch.remote', '--exec=evil');
    box.git(site, 'config', 'branch.x-branch.merge', 'refs/heads/main');
    expect(await failure(git.push())).toMatchObject({ reason: 'UNSAFE_NAME' });
  });

  it('runs the repository hooks, without a prompt, an askpass program or a translated message', async () => {
    const site = box.clone('site');
    const seen = path.join(box.dir, 'hook-env');
    writeFileSync(path.join(site, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\nenv > '${seen}'\n`, { mode: 0o755 });
    box.write(site, NEW_POST, 'x');
    const git = new SiteGit(site, { env: { ...box.env, GIT_ASKPASS: '/usr/bin/false', SSH_ASKPASS: '/usr/bin/false', LANG: 'ko_KR.UTF-8', GIT_DIR: '/elsewhere' } });
    await git.commit([NEW_POST], 'Add post');
    const env = readFileSync(seen, 'utf8');
    expect(env).toMatch(/^GIT_TERMINAL_PROMPT=0$/mu);
    expect(env).toMatch(/^LC_ALL=C$/mu);
    expect(env).not.toMatch(/^(?:GIT_ASKPASS|SSH_ASKPASS)=/mu);
    expect(env).not.toContain('/elsewhere');
  });

  it('tells when git is not installed', async () => {
    const git = new SiteGit(box.dir, { env: box.env, binary: '/nonexistent/bin/git' });
    const error = await failure(git.status());
    expect(error).toMatchObject({ code: 'GIT_FAILED', reason: 'NOT_INSTALLED' });
    expect(error.message).toMatch(/Install Git/u);
  });
});
