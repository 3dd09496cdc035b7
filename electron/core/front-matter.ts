import matter from 'gray-matter';
import { HanjiError } from '../../shared/contract/result';

/** gray-matter runs `---js` / `---coffee` front matter as code; every such engine is denied. */
function deny(language: string) {
  return {
    parse(): never {
      throw new HanjiError('INVALID_FRONT_MATTER', `Front matter in "${language}" is not allowed: Hanji reads YAML only.`);
    },
    stringify(): never {
      throw new HanjiError('INVALID_FRONT_MATTER', `Front matter in "${language}" is not allowed.`);
    },
  };
}

const SAFE_ENGINES = {
  js: deny('js'),
  javascript: deny('javascript'),
  coffee: deny('coffee'),
  coffeescript: deny('coffeescript'),
  cson: deny('cson'),
};

/** Parse a post's front matter data; throws INVALID_FRONT_MATTER naming the file when it is not valid. */
export function readFrontMatter(text: string, path: string): Record<string, unknown> {
  try {
    // Passing options also keeps gray-matter from caching every post's text in a global map.
    const data: unknown = matter(text, { engines: SAFE_ENGINES }).data;
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch (error) {
    if (error instanceof HanjiError) throw new HanjiError(error.code, error.message, { path });
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const where: { path: string; line?: number; column?: number } = { path };
    // js-yaml counts from 0 within the block; +2 for 1-based lines after the opening `---`.
    if (typeof mark?.line === 'number') where.line = mark.line + 2;
    if (typeof mark?.column === 'number') where.column = mark.column + 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new HanjiError('INVALID_FRONT_MATTER', `${path}: invalid front matter: ${reason}`, where);
  }
}
