import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-site';

/** A sandbox for real-git tests: its own HOME (so the machine's global config is never read), a bare remote, and clones. */
export interface GitSandbox {
  dir: string;
  /** The environment for git in this sandbox: HOME inside it, no system config. */
  env: NodeJS.ProcessEnv;
  /** The bare repository that plays the remote. */
  remote: string;
  /** Run git in a folder of the sandbox and return its output. */
  git(cwd: string, ...args: string[]): string;
  /** A clone of the remote with a user name and e-mail in its own config. */
  clone(name: string): string;
  /** Write a file (creating folders) in a work tree. */
  write(repo: string, rel: string, text: string): void;
  dispose(): void;
}

/** Create a sandbox whose remote already has one commit on `main` with a site config and one post. */
export function gitSandbox(): GitSandbox {
  const temp = tempDir('hanji-git-');
  const home = path.join(temp.dir, 'home');
  mkdirSync(home);
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const remote = path.join(temp.dir, 'remote.git');
  git(temp.dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  const write = (repo: string, rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  };
  const clone = (name: string) => {
    const dir = path.join(temp.dir, name);
    git(temp.dir, 'clone', '--quiet', remote, dir);
    git(dir, 'config', 'user.name', 'Hanji Test');
    git(dir, 'config', 'user.email', 'test@hanji.invalid');
    return dir;
  };
  const seed = clone('seed');
  git(seed, 'checkout', '--quiet', '-b', 'main');
  write(seed, '_config.yml', 'title: Git test\n');
  write(seed, '_posts/2024-01-01-first.md', '---\ntitle: First\n---\nHello.\n');
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'Seed');
  git(seed, 'push', '--quiet', 'origin', 'main');
  return { dir: temp.dir, env, remote, git, clone, write, dispose: temp.dispose };
}
