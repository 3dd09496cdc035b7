import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE_SITE } from '../../../helpers/temp-site';

/** Run the CLI exactly as the README tells users to. */
function cli(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('hanji CLI', () => {
  it('prints the index of the sample site as JSON and nothing else', () => {
    const run = cli('index', 'resources/sample-site', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['site', 'posts', 'ignored', 'tags', 'categories', 'problems']);
    expect(report['site']).toMatchObject({ root: SAMPLE_SITE, title: '한지 블로그', timezone: 'Asia/Seoul', baseurl: '/blog' });
    expect(report['posts']).toContainEqual({ path: '_posts/2025-04-02-봄-산책-기록.md', title: '봄 산책 기록', date: '2025-04-02', status: 'published' });
  });

  it('prints help on --help', () => {
    const run = cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('index SITE');
  });

  it.each([
    [['index', path.join(REPO_ROOT, 'no-such-site'), '--json'], 1, 'does not exist'],
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    [['index', 'resources/sample-site', '--jsn'], 2, '--jsn'],
    [[], 2, 'no command given'],
  ])('reports %j on stderr with exit %i and an empty stdout', (args, code, message) => {
    const run = cli(...args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
