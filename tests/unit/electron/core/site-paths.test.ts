import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInSite } from '../../../../electron/core/site-paths';
import { tempDir } from '../../../helpers/temp-site';

const temp = tempDir();
const root = path.join(temp.dir, 'site');
mkdirSync(path.join(root, '_posts'), { recursive: true });
writeFileSync(path.join(root, '_posts', '2025-01-01-a.md'), 'a');
writeFileSync(path.join(temp.dir, 'outside.md'), 'secret');
symlinkSync(path.join(temp.dir, 'outside.md'), path.join(root, '_posts', 'escape.md'));
symlinkSync(temp.dir, path.join(root, 'escape-dir'));
symlinkSync(path.join(root, '_posts', '2025-01-01-a.md'), path.join(root, 'inside-link.md'));
afterAll(() => temp.dispose());

describe('resolveInSite', () => {
  it('resolves a site-relative path and normalizes it to NFC', () => {
    const nfd = '_posts/2025-01-01-한글.md'.normalize('NFD');
    const resolved = resolveInSite(root, nfd);
    expect(resolved.rel).toBe('_posts/2025-01-01-한글.md'.normalize('NFC'));
    expect(resolved.abs.startsWith(root)).toBe(true);
  });

  it('accepts a symlink that stays inside the site', () => {
    expect(resolveInSite(root, 'inside-link.md').rel).toBe('inside-link.md');
  });

  it.each([
    ['../outside.md', 'goes up'],
    ['_posts/../../outside.md', 'goes up'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/win.ini', 'absolute'],
    ['c:secret', 'absolute'],
    ['\\\\server\\share\\x.md', 'separator'],
    ['_posts\\..\\..\\outside.md', 'separator'],
    ['_posts/a\0.md', 'NUL'],
    ['_posts/escape.md', 'symbolic link'],
    ['escape-dir/outside.md', 'symbolic link'],
    ['escape-dir/new-file.md', 'symbolic link'],
    ['.', 'site folder itself'],
    ['', 'site folder itself'],
  ])('refuses %j (%s)', (input, why) => {
    expect(() => resolveInSite(root, input)).toThrowError(expect.objectContaining({ code: 'OUTSIDE_SITE', message: expect.stringContaining(why) }));
  });
});
