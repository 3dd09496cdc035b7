import { describe, expect, it } from 'vitest';
import { classifyGitOutput, gitFailure } from '../../../../../electron/core/git/git-errors';
import { redact } from '../../../../../electron/core/git/redact';
import { conflictMarkerLine } from '../../../../../electron/core/git/git-safety';
import { checkRefName, checkRemoteUrl } from '../../../../../electron/core/git/git-names';

describe('classifyGitOutput', () => {
  it.each([
    ['spawn git ENOENT', 'NOT_INSTALLED'],
    ['fatal: not a git repository (or any of the parent directories): .git', 'NOT_A_REPO'],
    [" ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to 'x'\nhint: Updates were rejected because the remote contains work that you do", 'NON_FAST_FORWARD'],
    [' ! [rejected]        main -> main (non-fast-forward)', 'NON_FAST_FORWARD'],
    ['fatal: Not possible to fast-forward, aborting.', 'DIVERGED'],
    ["remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/a/b.git/'", 'AUTH'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'AUTH'],
    ['git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'AUTH'],
    ["fatal: unable to access 'https://github.com/a/b.git/': The requested URL returned error: 403", 'AUTH'],
    ["fatal: unable to access 'https://github.com/a/b.git/': Could not resolve host: github.com", 'OFFLINE'],
    ["fatal: unable to access 'https://127.0.0.1:9/x.git/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server", 'OFFLINE'],
    ['ssh: connect to host github.com port 22: Network is unreachable\nfatal: Could not read from remote repository.', 'OFFLINE'],
    ['fatal: The current branch main has no upstream branch.', 'NO_UPSTREAM'],
    ['fatal: No configured push destination.', 'NO_REMOTE'],
    ['error: cannot pull with rebase: You have unstaged changes.', 'LOCAL_CHANGES'],
    ['CONFLICT (content): Merge conflict in _posts/a.md\nerror: could not apply 1234567... Mine', 'CONFLICTS'],
    ['fatal: You are not currently on a branch.', 'DETACHED_HEAD'],
    ["error: src refspec main does not match any", 'NO_COMMITS'],
    ['nothing to commit, working tree clean', 'NOTHING_TO_COMMIT'],
    ['block timeout reached', 'TIMEOUT'],
    ['fatal: something new', 'UNKNOWN'],
  ])('%s → %s', (output, reason) => {
    expect(classifyGitOutput(output)).toBe(reason);
  });

  it('says what to do next and keeps credentials out of the message', () => {
    const error = gitFailure("fatal: unable to access 'https://me:ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/a/b.git/': Could not resolve host");
    expect(error.toInfo()).toMatchObject({ code: 'GIT_FAILED', reason: 'OFFLINE' });
    expect(error.message).toMatch(/^Git could not reach the remote\. Check your network/u);
    expect(error.message).toContain('https://***@github.com/a/b.git/');
    expect(error.message).not.toContain('ghp_');
  });
});

describe('redact', () => {
  it.each([
    ['https://user:secret@github.com/a/b.git', 'https://***@github.com/a/b.git'],
    ['https://x-access-token@github.com/a.git', 'https://***@github.com/a.git'],
    ['token ghp_0123456789abcdefghijABCDEFGHIJ used', 'token *** used'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', '***'],
    ['glpat-abcdefghij0123456789', '***'],
    ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic ***'],
    ['git@github.com:a/b.git', 'git@github.com:a/b.git'],
    ['/home/me/remote.git', '/home/me/remote.git'],
  ])('%s → %s', (input, output) => {
    expect(redact(input)).toBe(output);
  });
});

describe('conflictMarkerLine', () => {
  it.each([
    ['a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> 123\n', 2],
    ['a\n>>>>>>> theirs\n', 2],
    ['Title\n=======\n\ntext\n', null],
    ['text with <<<<<<< inside\n', null],
    ['a\r\n<<<<<<<\r\n', 2],
  ])('%j → %s', (text, line) => {
    expect(conflictMarkerLine(text)).toBe(line);
  });
});

describe('names that reach the git command line', () => {
  it.each(['main', 'feature/new-post', 'origin', 'refs/heads/main'])('accepts %s', (name) => {
    expect(checkRefName('branch', name)).toBe(name);
  });
  it.each(['-f', '--force', '--exec=x', 'a..b', 'a b', 'a:b', '', 'x.lock', '.hidden', 'a/'])('refuses %j', (name) => {
    expect(() => checkRefName('branch', name)).toThrow(expect.objectContaining({ reason: 'UNSAFE_NAME' }));
  });
  it.each(['https://github.com/a/b.git', 'git@github.com:a/b.git', 'ssh://git@host/x', '/srv/blog.git'])('accepts the remote URL %s', (url) => {
    expect(checkRemoteUrl(url)).toBe(url);
  });
  it.each(['--upload-pack=evil', 'ext::sh -c evil', 'fd::17', '', 'a\nb'])('refuses the remote URL %j', (url) => {
    expect(() => checkRemoteUrl(url)).toThrow(expect.objectContaining({ reason: 'UNSAFE_NAME' }));
  });
});
