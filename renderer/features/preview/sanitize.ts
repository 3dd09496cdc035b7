import DOMPurify, { type Config } from 'dompurify';

/** What the sanitizer needs to know about the site and about what the user allowed. */
export interface SanitizeOptions {
  /** The site's `baseurl` ('' or e.g. `/blog`): a site-absolute image may or may not start with it. */
  baseurl: string;
  /** The post's `page.url` without baseurl, against which relative image paths resolve. */
  postUrl: string;
  /** Load https images; off by default, because loading one tells its server the post is open. */
  remoteImages: boolean;
  /** Notes shown in place of images the preview does not load (`insecureImage`: an http: one). */
  labels: { remoteImage: string; siteImage: string; insecureImage: string };
}

/** Sanitized preview content, ready to insert, and what was held back. */
export interface SanitizedPreview {
  fragment: DocumentFragment;
  /** How many https images were not loaded (the "Load remote images" button appears when > 0). */
  blockedRemoteImages: number;
}

/** The placeholder scheme of images that live in the site folder, until the engine serves them. */
export const ASSET_SCHEME = 'hanji-asset:';

/** Raster images only: an SVG data URL is a document of its own. */
const RASTER_DATA_URL = /^data:image\/(?:png|gif|jpeg|jpg|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,]/iu;
/** DOMPurify's default list of safe URL forms, without ftp, callto, sms, cid, xmpp and matrix. */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/iu;
/** A CSS `url()` that points anywhere but into the document itself (SVG paint, masks, filters). */
const EXTERNAL_CSS_URL = /url\(\s*['"]?\s*(?!#)/iu;
const TEXT_ALIGN = /^\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*$/iu;
/** kramdown's table cell alignment as written in its HTML. */
const CELL_ALIGN = /(<t[dh]\b[^<>]*?)\sstyle="\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*"/giu;
const ALIGN_ATTR = 'data-hanji-align';
const XLINK = 'http://www.w3.org/1999/xlink';

const CONFIG: Config = {
  RETURN_DOM_FRAGMENT: true,
  ALLOWED_URI_REGEXP: SAFE_URL,
  // Everything that runs code, loads a document, submits, embeds media or restyles the app.
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
    'form', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen',
    'video', 'audio', 'source', 'track', 'picture', 'image', 'feimage', 'template', 'noscript', 'dialog', 'map', 'area',
  ],
  // `style` would be refused by the CSP anyway (no inline styles); text alignment survives as a class.
  FORBID_ATTR: ['style', 'srcset', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'poster', 'target', 'autofocus', 'http-equiv', 'is'],
  // Heading ids must stay exactly as Jekyll writes them (the TOC links to them). The preview lives
  // in a shadow root, whose ids reach neither `window` nor `document`, so nothing can be clobbered.
  SANITIZE_DOM: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  // A piece that starts with whitespace or a <style> parses as it does in the middle of the post.
  FORCE_BODY: true,
};

/**
 * The element that carries each piece through a batch (see sanitizePieces). Its name is random
 * per session, so a post cannot write one and blur the boundaries (which would only mix up pieces,
 * never let anything through: the whole batch is sanitized as one).
 */
const PIECE_TAG = `hanji-piece-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** Where an image the preview holds back came from, kept on the `<img>` until fixUp replaces it. */
const HELD = 'data-hanji-held';

let purifier: ReturnType<typeof DOMPurify> | null = null;
/** The options of the sanitize call in progress (hooks are set once, calls differ). */
let active: SanitizeOptions | null = null;

/** One DOMPurify instance of our own, so its hooks never touch another user of the library. */
function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'style' || data.attrName === ALIGN_ATTR) {
      const align = data.attrName === ALIGN_ATTR ? /^(left|right|center|justify)$/iu.exec(data.attrValue)?.[1] : TEXT_ALIGN.exec(data.attrValue)?.[1];
      if (align) node.classList.add(`text-align-${align.toLowerCase()}`);
      data.keepAttr = false;
      return;
    }
    if (EXTERNAL_CSS_URL.test(data.attrValue)) data.keepAttr = false;
  });
  // This runs in DOMPurify's inert document. Nothing that loads may reach the page's own document,
  // where an <img> starts fetching as soon as it exists, attached or not.
  purify.addHook('afterSanitizeAttributes', (node) => {
    const name = node.localName;
    if (name === 'img') holdImage(node, active?.remoteImages ?? false);
    else if (name === 'input') {
      if (node.getAttribute('type')?.toLowerCase() !== 'checkbox' || !node.hasAttribute('disabled')) node.remove();
    } else if (name === 'use') {
      for (const attr of ['href', 'xlink:href']) {
        const value = node.getAttribute(attr);
        if (value !== null && !value.trim().startsWith('#')) node.removeAttribute(attr);
      }
      const xlink = node.getAttributeNS(XLINK, 'href');
      if (xlink !== null && !xlink.trim().startsWith('#')) node.removeAttributeNS(XLINK, 'href');
    } else if (name === 'a') node.setAttribute('rel', 'noopener noreferrer');
  });
  // Set once: the preview sanitizes piece by piece, and parsing the config per call would add up.
  purify.setConfig({ ...CONFIG, ADD_TAGS: [PIECE_TAG] });
  purifier = purify;
  return purify;
}

/**
 * Make Jekyll's HTML safe to show: no script, event handler, `javascript:`/`vbscript:`/`data:`
 * URL (raster `data:image` excepted), frame, plugin, form, input (disabled task-list checkboxes
 * excepted), meta, base, link, style, external SVG `<use>` or `srcdoc` survives. Links get
 * `rel="noopener noreferrer"`; images from the site folder become `hanji-asset:` placeholders
 * showing their alt text, and remote images stay unloaded unless `options.remoteImages`.
 * Liquid notices (`div.liquid-error[role=note]`) are kept.
 */
export function sanitizePreview(html: string, options: SanitizeOptions): SanitizedPreview {
  // Parsing applies the page's CSP to the parsed markup, which reports (and blocks) every style
  // attribute: kramdown's aligned table cells would flood the console, so they are renamed first.
  const fragment = purify(html.replace(CELL_ALIGN, `$1 ${ALIGN_ATTR}="$2"`), options);
  for (const stray of Array.from(fragment.querySelectorAll(PIECE_TAG))) stray.replaceWith(...Array.from(stray.childNodes));
  return { fragment, blockedRemoteImages: fixUp(fragment, options) };
}

/**
 * Sanitize several top-level pieces (splitTopLevel) in one pass: one parse for all of them
 * instead of one each, which is what a long post's first display costs. Each result is what
 * sanitizePreview gives for that piece; when the pieces do not come back one by one (markup that
 * swallows what follows, such as an unclosed `<textarea>`), each is sanitized on its own.
 */
export function sanitizePieces(pieces: readonly string[], options: SanitizeOptions): SanitizedPreview[] {
  if (pieces.length < 2) return pieces.map((piece) => sanitizePreview(piece, options));
  const batch = pieces.map((piece) => `<${PIECE_TAG}>${piece.replace(CELL_ALIGN, `$1 ${ALIGN_ATTR}="$2"`)}</${PIECE_TAG}>`).join('');
  const fragment = purify(batch, options);
  const wrappers = Array.from(fragment.childNodes);
  if (wrappers.length !== pieces.length || wrappers.some((node) => !(node instanceof Element) || node.localName !== PIECE_TAG || node.querySelector(PIECE_TAG))) {
    return pieces.map((piece) => sanitizePreview(piece, options));
  }
  return wrappers.map((wrapper) => {
    const piece = document.createDocumentFragment();
    piece.append(...Array.from(wrapper.childNodes));
    return { fragment: piece, blockedRemoteImages: fixUp(piece, options) };
  });
}

function purify(html: string, options: SanitizeOptions): DocumentFragment {
  active = options;
  try {
    return instance().sanitize(html) as unknown as DocumentFragment;
  } finally {
    active = null;
  }
}

/**
 * Keep an image only when it may load now: a raster data: URL, or an https image the user allowed
 * (without a referrer). Any other loses its `src` and keeps where it came from for fixUp. This is
 * the gate for web images: the CSP allows any https: image, so that the user's choice can work.
 */
function holdImage(img: Element, remoteImages: boolean): void {
  const src = (img.getAttribute('src') ?? '').trim();
  img.removeAttribute(HELD);
  if (RASTER_DATA_URL.test(src)) return;
  if (/^(?:https:)?\/\//iu.test(src) && remoteImages) {
    // Protocol-relative: the published site loads it over https, and the CSP allows only that.
    if (src.startsWith('//')) img.setAttribute('src', `https:${src}`);
    img.setAttribute('referrerpolicy', 'no-referrer');
    img.setAttribute('loading', 'lazy');
    return;
  }
  img.removeAttribute('src');
  img.setAttribute(HELD, src);
}

/** Replace the images DOMPurify held back with their alt text and a note; returns how many were remote. */
function fixUp(fragment: DocumentFragment, options: SanitizeOptions): number {
  let blockedRemoteImages = 0;
  for (const img of Array.from(fragment.querySelectorAll(`img[${HELD}]`))) {
    const src = img.getAttribute(HELD) ?? '';
    const alt = img.getAttribute('alt') ?? '';
    if (/^data:/iu.test(src) || src === '') {
      img.replaceWith(placeholder(alt, null, null));
    } else if (/^http:/iu.test(src)) {
      // The CSP refuses http: images: the network could see or change them, so no button offers them.
      img.replaceWith(placeholder(alt, options.labels.insecureImage, src));
    } else if (/^(?:https:)?\/\//iu.test(src)) {
      blockedRemoteImages++;
      img.replaceWith(placeholder(alt, options.labels.remoteImage, src));
    } else {
      const asset = sitePath(src, options.baseurl, options.postUrl);
      const note = placeholder(alt, `${options.labels.siteImage} ${asset ?? src}`, null);
      if (asset !== null) note.dataset['asset'] = `${ASSET_SCHEME}${asset}`;
      img.replaceWith(note);
    }
  }
  return blockedRemoteImages;
}

/** An image the preview does not load: its alt text and why it is not shown. */
function placeholder(alt: string, note: string | null, remote: string | null): HTMLElement {
  const box = document.createElement('span');
  box.className = remote ? 'preview-image preview-image-remote' : 'preview-image';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', alt);
  if (remote) box.title = remote;
  const text = document.createElement('span');
  text.className = 'preview-image-alt';
  text.textContent = alt;
  box.append(text);
  if (note) {
    const small = document.createElement('span');
    small.className = 'preview-image-note';
    small.textContent = note;
    box.append(small);
  }
  return box;
}

/**
 * The site-relative path an image URL names (`assets/images/a.png`), with or without the site's
 * baseurl; relative URLs resolve against the post's URL as a browser would. Null for a URL that
 * leaves the site.
 */
export function sitePath(src: string, baseurl: string, postUrl: string): string | null {
  const origin = 'https://site.invalid';
  let url: URL;
  try {
    url = new URL(src, `${origin}${baseurl}${postUrl.startsWith('/') ? postUrl : `/${postUrl}`}`);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = url.pathname;
  }
  const base = baseurl.replace(/\/+$/u, '');
  if (base && (pathname === base || pathname.startsWith(`${base}/`))) pathname = pathname.slice(base.length);
  return pathname.replace(/^\/+/u, '');
}
