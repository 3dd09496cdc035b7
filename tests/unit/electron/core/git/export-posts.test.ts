import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../../electron/core/site-service';
import { gitSandbox, type GitSandbox } from '../../../../helpers/git-repos';

let box: GitSandbox;
let service: SiteService;
let site: string;
let target: string;
let targetRemote: string;

const POST = '_posts/2024-02-01-spring.md';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeEach(async () => {
  box = gitSandbox();
  site = box.clone('site');
  box.write(site, '_config.yml', 'title: Notes\nbaseurl: /notes\n');
  box.write(site, POST, '---\ntitle: Spring walk\n---\n![river]({{ site.baseurl }}/assets/images/spring/river.png)\n![web](https://example.com/x.png)\n');
  box.write(site, 'assets/images/spring/.keep', '');
  writeFileSync(path.join(site, 'assets/images/spring/river.png'), PNG);
  targetRemote = path.join(box.dir, 'blog.git');
  box.git(box.dir, 'init', '--quiet', '--bare', '--initial-branch=main', targetRemote);
  target = path.join(box.dir, 'blog');
  box.git(box.dir, 'clone', '--quiet', targetRemote, target);
  box.git(target, 'config', 'user.name', 'Hanji Test');
  box.git(target, 'config', 'user.email', 'test@hanji.invalid');
  box.git(target, 'checkout', '--quiet', '-b', 'main');
  box.write(target, 'README.md', 'blog');
  box.git(target, 'add', '.');
  box.git(target, 'commit', '--quiet', '-m', 'Start');
  box.git(target, 'push', '--quiet', '-u', 'origin', 'main');
  service = new SiteService({ git: { env: box.env } });
  await service.openSite(site);
});
afterEach(async () => {
  await service.close();
  box.dispose();
});

describe('exportPosts', () => {
  it('copies a post and its image into the other repository, commits there and pushes', async () => {
    const result = await service.exportPosts(target, [POST], {});
    expect(result).toMatchObject({ files: ['_posts/2024-02-01-spring.md', 'assets/images/spring/river.png'].sort(), pushed: true });
    expect(readFileSync(path.join(target, POST), 'utf8')).toBe(readFileSync(path.join(site, POST), 'utf8'));
    expect(readFileSync(path.join(target, 'assets/images/spring/river.png'))).toEqual(PNG);
    expect(box.git(targetRemote, 'log', '-1', '--format=%H %s', 'main').trim()).toBe(`${result.commit} Add post: Spring walk and 1 file`);
    expect(box.git(targetRemote, 'show', '--name-only', '--format=', 'main').trim().split('\n').sort()).toEqual(result.files);
    // The site's own repository is untouched.
    expect(box.git(site, 'log', '--format=%s').trim()).toBe('Seed');
  });

  it('maps the posts and assets folders as configured', async () => {
    const result = await service.exportPosts(target, [POST], { postsDir: 'blog/_posts', assetsDir: 'static' });
    expect(result.files).toEqual(['blog/_posts/2024-02-01-spring.md', 'static/images/spring/river.png']);
    // The post's image link follows the image, and nothing else in it changes.
    const original = readFileSync(path.join(site, POST), 'utf8');
    expect(original).toContain('/assets/images/spring/river.png');
    expect(readFileSync(path.join(target, 'blog/_posts/2024-02-01-spring.md'), 'utf8')).toBe(original.split('/assets/images/spring/river.png').join('/static/images/spring/river.png'));
  });

  it.each([
    ['a relative target', () => 'blog', {}],
    ['the site itself', () => site, {}],
    ['a folder inside the target', () => path.join(target, '_posts'), {}],
    ['a folder that is not a repository', () => path.join(box.dir, 'home'), {}],
    ['a posts folder that goes up', () => target, { postsDir: '../escape' }],
    ['the .git folder', () => target, { assetsDir: '.git/hooks' }],
  ])('refuses %s and writes nothing', async (_name, where, mapping) => {
    box.write(target, '_posts/.keep', '');
    await expect(service.exportPosts(where(), [POST], mapping)).rejects.toMatchObject({ code: expect.stringMatching(/BAD_REQUEST|OUTSIDE_SITE|GIT_FAILED|NOT_FOUND/u) });
    expect(box.git(targetRemote, 'log', '--format=%s', 'main').trim()).toBe('Start');
    expect(box.git(target, 'status', '--porcelain').trim()).toBe('?? _posts/');
  });

  it('refuses an assets folder that is a symbolic link out of the target', async () => {
    const outside = path.join(box.dir, 'outside');
    box.write(outside, 'x', '');
    symlinkSync(outside, path.join(target, 'assets'));
    await expect(service.exportPosts(target, [POST], {})).rejects.toMatchObject({ code: 'OUTSIDE_SITE' });
    expect(readdirSync(outside)).toEqual(['x']);
    expect(box.git(targetRemote, 'log', '--format=%s', 'main').trim()).toBe('Start');
  });
});
