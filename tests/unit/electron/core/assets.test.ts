import { describe, expect, it } from 'vitest';
import { assetFolder, assetUrl, checkImage, cleanAssetName, detectImageKind, screenshotStem, unsafeSvgReason } from '../../../../electron/core/assets';
import { normalizeSiteConfig } from '../../../../shared/jekyll/config';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'rest');

describe('cleanAssetName', () => {
  it.each([
    ['photo.png', 'photo', 'png'],
    ['Photo.JPG', 'Photo', 'jpg'],
    ['봄 산책.jpeg', '봄-산책', 'jpeg'],
    ['../x.png', 'x', 'png'],
    ['a/b.png', 'a-b', 'png'],
    ['C:\\Users\\me\\x.png', 'C-Users-me-x', 'png'],
    ['.htaccess', 'htaccess', null],
    ['...', '', null],
    ['_draft.png', 'draft', 'png'],
    ['#1~.gif', '1', 'gif'],
    ['x\0.png', 'x', 'png'],
    ['a  --  b.webp', 'a-b', 'webp'],
    ['con.png', 'image-con', 'png'],
    ['', '', null],
    ['사진'.normalize('NFD') + '.png', '사진', 'png'],
  ])('%j becomes stem %j, extension %j', (name, stem, ext) => {
    expect(cleanAssetName(name)).toEqual({ stem, ext });
  });

  it('keeps a long Hangul name under the file-name limit, cut at a character', () => {
    const { stem } = cleanAssetName(`${'가'.repeat(200)}.png`);
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(200);
    expect(stem).toBe('가'.repeat(66));
  });
});

describe('detectImageKind', () => {
  it.each([
    ['png', PNG],
    ['jpeg', JPEG],
    ['gif', bytes('GIF87a', 'rest')],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'mif1miaf')],
    ['avif', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'avif')],
    ['svg', bytes('  <svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['svg', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?><svg></svg>')],
    [null, bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1')],
    [null, bytes('<?xml version="1.0"?><html/>')],
    [null, bytes('<html><svg></svg></html>')],
    [null, bytes([0x89, 0x50, 0x4e, 0x47])],
    [null, bytes('plain text')],
  ])('sees %s', (kind, data) => {
    expect(detectImageKind(data)).toBe(kind);
  });
});

describe('unsafeSvgReason', () => {
  it.each([
    ['<svg><rect/></svg>', null],
    ['<svg><text>only on Sundays</text></svg>', null],
    ['<svg><script>alert(1)</script></svg>', 'a <script> element'],
    ['<svg><SCRIPT xlink:href="x.js"/></svg>', 'a <script> element'],
    ['<svg onload="alert(1)"/>', 'an event handler attribute (on…=)'],
    ['<svg><rect\nonMouseOver = "x"/></svg>', 'an event handler attribute (on…=)'],
    ['<svg><a href="javascript:alert(1)"/></svg>', 'a javascript: link'],
    ['<svg><foreignObject><iframe/></foreignObject></svg>', 'a <foreignObject> element'],
    ['<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg>&x;</svg>', 'an entity declaration'],
  ])('%j: %j', (svg, reason) => {
    expect(unsafeSvgReason(svg)).toBe(reason);
  });
});

describe('checkImage', () => {
  it('gives a nameless image the extension of its bytes', () => {
    expect(checkImage('x', null, JPEG)).toBe('jpg');
    expect(checkImage('x', 'jpeg', JPEG)).toBe('jpeg');
  });

  it.each([
    ['png', JPEG, 'is not the PNG file its name says (its bytes are JPEG)'],
    ['jpg', PNG, 'is not the JPEG file its name says (its bytes are PNG)'],
    ['bmp', PNG, 'not an image Hanji adds'],
    [null, bytes('hello'), 'not an image Hanji adds'],
  ])('refuses .%s holding other bytes', (ext, data, message) => {
    expect(() => checkImage('x', ext, data)).toThrow(message);
  });
});

describe('assetFolder', () => {
  const folder = (config: Record<string, unknown>, slug: string) => assetFolder(normalizeSiteConfig(config), slug);

  it.each([
    [{}, 'my-post', 'assets/images/my-post'],
    [{}, '봄-산책-기록', 'assets/images/봄-산책-기록'],
    [{}, 'a/../b c', 'assets/images/a-..-b-c'],
    [{}, '..', 'assets/images/post'],
    [{ hanji: { assets_dir: 'img' } }, 'x', 'img'],
    [{ hanji: { assets_dir: '/uploads/:slug/' } }, 'x', 'uploads/x'],
    [{ hanji: { assets_dir: '' } }, 'x', 'assets/images/x'],
    [{ hanji: { assets_dir: 42 } }, 'x', 'assets/images/x'],
    [{ hanji: 'assets' }, 'x', 'assets/images/x'],
  ])('%j with slug %j is %j', (config, slug, expected) => {
    expect(folder(config, slug)).toBe(expected);
  });

  it.each(['../up/:slug', 'a/../../b', '_site/:slug', 'assets/.hidden', 'C:/images', 'a\\b'])('refuses hanji.assets_dir %j', (dir) => {
    expect(() => folder({ hanji: { assets_dir: dir } }, 'x')).toThrow('hanji.assets_dir');
  });
});

describe('assetUrl', () => {
  it.each([
    ['', 'assets/images/p/x.png', '/assets/images/p/x.png'],
    ['/blog', 'assets/images/p/x.png', '/blog/assets/images/p/x.png'],
    ['/blog/', 'assets/images/p/x.png', '/blog/assets/images/p/x.png'],
    ['blog', 'assets/x.png', '/blog/assets/x.png'],
    ['/', 'assets/x.png', '/assets/x.png'],
    ['', 'assets/images/봄-산책/사진.png', '/assets/images/봄-산책/사진.png'],
    ['', 'my images/a (1).png', '/my%20images/a%20%281%29.png'],
  ])('baseurl %j and %j link as %j', (baseurl, rel, url) => {
    expect(assetUrl(baseurl, rel)).toBe(url);
  });
});

describe('screenshotStem', () => {
  it("uses the site's wall clock", () => {
    const at = Date.parse('2025-01-15T22:30:05Z');
    expect(screenshotStem(at, 'Asia/Seoul')).toBe('image-20250116-073005');
    expect(screenshotStem(at, 'UTC')).toBe('image-20250115-223005');
  });
});
