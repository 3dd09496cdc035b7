import { HanjiError } from '../../../shared/contract/result';

/**
 * Branch and remote names as git accepts them (see `git check-ref-format`), and never one git
 * could read as an option: a name starting with `-` is refused before any command runs.
 */
export function checkRefName(kind: 'branch' | 'remote', name: string): string {
  const bad =
    name === '' ||
    name.startsWith('-') ||
    name.length > 255 ||
    name.includes('..') ||
    name.includes('@{') ||
    name === '@' ||
    /[\s~^:?*[\\]/u.test(name) ||
    hasControlCharacter(name) ||
    name.endsWith('/') ||
    name.endsWith('.') ||
    name.endsWith('.lock') ||
    name.split('/').some((part) => part === '' || part.startsWith('.'));
  if (bad) throw new HanjiError('GIT_FAILED', `"${name.slice(0, 100)}" is not a ${kind} name Hanji will use: choose one without spaces or special characters that does not start with "-".`, { reason: 'UNSAFE_NAME' });
  return name;
}

/**
 * A remote URL the user typed: an https/ssh/git/file URL, `user@host:path`, or a local path; never
 * one starting with `-` or one that selects a remote helper (`ext::…`), which can run commands.
 */
export function checkRemoteUrl(url: string): string {
  const bad = url === '' || url.startsWith('-') || url.length > 2048 || /\s/u.test(url) || hasControlCharacter(url) || /^[a-z][a-z0-9+.-]*::/iu.test(url) || /^(?:ext|fd):/iu.test(url);
  if (bad) throw new HanjiError('GIT_FAILED', 'That remote URL is not one Hanji will use: give an https://, ssh:// or git@host:path address, or a folder path.', { reason: 'UNSAFE_NAME' });
  return url;
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}
