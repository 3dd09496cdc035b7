/** Posts written to attack or crash the editor: nothing in them may run, hang or get saved damaged. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteService } from '../../../../electron/core/site-service';
import { applyFrontMatterEdits } from '../../../../shared/frontmatter/edit';
import { copySampleSite } from '../../../helpers/temp-site';

const JS_POST = '_posts/2025-01-01-js-front-matter.md';
const BOMB_POST = '_posts/2025-01-02-alias-bomb.md';

/** A nine-level "billion laughs": 9^9 strings if aliases were expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `---\n${lines.join('\n')}\n---\nbody\n`;
}

describe('hostile posts', () => {
  let site: ReturnType<typeof copySampleSite>;
  let service: SiteService;
  beforeEach(async () => {
    site = copySampleSite();
    writeFileSync(path.join(site.root, JS_POST), "---js\n{ title: (function () { globalThis.hanjiPwned = true; return 'pwned'; })() }\n---\nBody\n");
    writeFileSync(path.join(site.root, BOMB_POST), aliasBomb());
    service = new SiteService();
    await service.openSite(site.root);
  });
  afterEach(() => site.dispose());

  it('never runs `---js` front matter: Jekyll sees no front matter there, and neither does Hanji', async () => {
    const post = (await service.listPosts()).find((p) => p.path === JS_POST);
    expect(post?.title).toBe('Js Front Matter');
    expect((globalThis as { hanjiPwned?: boolean }).hanjiPwned).toBeUndefined();
    const doc = await service.readPost(JS_POST);
    const edited = applyFrontMatterEdits(doc.text, [{ path: ['title'], value: 'safe' }], JS_POST);
    expect(edited).toBe(`---\ntitle: safe\n---\n${doc.text}`);
    expect((globalThis as { hanjiPwned?: boolean }).hanjiPwned).toBeUndefined();
  });

  it('refuses an alias bomb as a problem of that post, and still indexes the rest', async () => {
    const report = await service.getIndex({});
    expect(report.problems).toContainEqual(expect.objectContaining({ path: BOMB_POST, severity: 'error', message: expect.stringContaining('billion laughs') }));
    expect(report.posts.filter((p) => p.status === 'published').length).toBeGreaterThan(5);
  });

  it('refuses to edit an alias bomb and leaves the file as it was', async () => {
    const doc = await service.readPost(BOMB_POST);
    expect(() => applyFrontMatterEdits(doc.text, [{ path: ['title'], value: 'x' }], BOMB_POST)).toThrowError(expect.objectContaining({ code: 'INVALID_FRONT_MATTER' }));
    expect(readFileSync(path.join(site.root, BOMB_POST), 'utf8')).toBe(aliasBomb());
  });
});
