/**
 * Images of the site read for the preview: confined to the site folder, capped in size, and
 * answered only when their bytes are an image a browser shows without running anything.
 */
import { promises as fs } from 'node:fs';
import { HanjiError } from '../../shared/contract/result';
import { MAX_ASSET_BYTES } from '../../shared/contract/schemas';
import type { ImageAsset, PreviewImageType } from '../../shared/model/site';
import { detectImageKind, unsafeSvgReason } from './assets';
import { resolveInSite } from './site-paths';

const MIME_OF_KIND = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' } as const;

const SHOWN = 'PNG, JPEG, GIF, WebP, AVIF, BMP, ICO or SVG';

/**
 * What the bytes of an image file are, for the preview: the kinds Hanji saves (detectImageKind)
 * plus BMP and ICO, which sites carry (favicons) but Hanji does not add; null for anything else.
 */
export function previewImageType(bytes: Uint8Array): PreviewImageType | null {
  const kind = detectImageKind(bytes);
  if (kind) return MIME_OF_KIND[kind];
  // BMP: "BM", then the file size and two reserved zero words; ICO: reserved 0, type 1, a non-zero count.
  if (bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0) return 'image/bmp';
  if (bytes.length >= 22 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0 && (bytes[4] !== 0 || bytes[5] !== 0)) return 'image/x-icon';
  return null;
}

/**
 * Read the image at site-relative `input` for the preview. SVG is answered only without script,
 * handlers, `javascript:` links, `<foreignObject>` or entities (the check saveAsset makes): the
 * preview shows it in an `<img>`, which never runs an SVG's script nor loads what it links, and
 * the check keeps it inert even if a user opens the image on its own.
 */
export async function readAssetFile(root: string, input: string): Promise<ImageAsset> {
  const { abs, rel } = resolveInSite(root, input);
  const stat = await fs.stat(abs).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new HanjiError('NOT_FOUND', `${rel} is not in the site folder.`, { path: rel });
    throw new HanjiError('IO', `Could not read ${rel} (${error.code ?? 'unknown error'}).`, { path: rel });
  });
  // Checked before reading: a FIFO would block the read, and a huge file would fill the memory.
  if (!stat.isFile()) throw new HanjiError('BAD_REQUEST', `${rel} is a folder or a special file, not an image.`, { path: rel });
  const tooLarge = (size: number) => new HanjiError('BAD_REQUEST', `${rel} is ${Math.ceil((size / 1024 / 1024) * 10) / 10} MB; the preview shows images up to ${MAX_ASSET_BYTES / 1024 / 1024} MB.`, { path: rel });
  if (stat.size > MAX_ASSET_BYTES) throw tooLarge(stat.size);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (error) {
    throw new HanjiError('IO', `Could not read ${rel} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, { path: rel });
  }
  // The file may have grown since it was measured.
  if (bytes.length > MAX_ASSET_BYTES) throw tooLarge(bytes.length);
  const mime = previewImageType(bytes);
  if (!mime) throw new HanjiError('BAD_REQUEST', `${rel} is not an image the preview shows (${SHOWN}, as told by its bytes).`, { path: rel });
  if (mime === 'image/svg+xml') {
    const reason = unsafeSvgReason(bytes.toString('utf8'));
    if (reason) throw new HanjiError('BAD_REQUEST', `${rel} contains ${reason}, which could run code; the preview does not show such SVG files.`, { path: rel });
  }
  return { path: rel, mime, dataBase64: bytes.toString('base64') };
}
