import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE_SITE, tempDir } from '../../../helpers/temp-site';

const cache = tempDir('hanji-cli-cache-');
afterAll(() => cache.dispose());

/** Run the CLI exactly as the README tells users to. */
function cli(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, HANJI_CACHE_DIR: cache.dir } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('hanji CLI', () => {
  it('prints the index of the sample site as JSON and nothing else', () => {
    const run = cli('index', 'resources/sample-site', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['site', 'posts', 'ignored', 'tags', 'categories', 'problems']);
    expect(report['site']).toMatchObject({ root: SAMPLE_SITE, title: '한지 블로그', timezone: 'Asia/Seoul', baseurl: '/blog' });
    expect(report['posts']).toContainEqual({
      path: '_posts/2025-04-02-봄-산책-기록.md',
      status: 'published',
      title: '봄 산책 기록',
      date: '2025-04-02T00:00:00+09:00',
      slug: '봄-산책-기록',
      id: '/%EC%9D%BC%EC%83%81/봄-산책-기록',
      url: '/%EC%9D%BC%EC%83%81/%EB%B4%84-%EC%82%B0%EC%B1%85-%EA%B8%B0%EB%A1%9D/',
      tags: ['산책', '봄'],
      categories: ['일상'],
      // Jekyll's excerpt is the body up to the first blank line, body's own leading newline included.
      excerpt: '\n벚꽃이 피기 시작한 오후, 동네 하천을 따라 한 시간쯤 걸었다.\n\n',
    });
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
