import type { GitFileChange, GitStatus } from '../../../shared/model/git';

/** The facts `git status --porcelain=v2 --branch -z` gives, before remotes and the operation in progress are added. */
export type ParsedStatus = Pick<GitStatus, 'branch' | 'detached' | 'upstream' | 'ahead' | 'behind' | 'files'>;

/**
 * Parse porcelain v2 output (NUL-separated) into the panel's terms. Paths are relative to the
 * repository's top; `prefix` (the site folder within it, `docs/` or empty) is removed from them.
 */
export function parsePorcelainV2(output: string, prefix: string): ParsedStatus {
  const status: ParsedStatus = { branch: null, detached: false, upstream: null, ahead: 0, behind: 0, files: [] };
  const fields = output.split('\0');
  const rel = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  for (let i = 0; i < fields.length; i++) {
    const line = fields[i] as string;
    if (line.startsWith('# branch.head ')) {
      const head = line.slice('# branch.head '.length);
      status.detached = head === '(detached)';
      status.branch = status.detached ? null : head;
    } else if (line.startsWith('# branch.upstream ')) {
      status.upstream = line.slice('# branch.upstream '.length);
    } else if (line.startsWith('# branch.ab ')) {
      const match = /^# branch\.ab \+(\d+) -(\d+)$/u.exec(line);
      if (match) [status.ahead, status.behind] = [Number(match[1]), Number(match[2])];
    } else if (line.startsWith('1 ')) {
      const parts = line.split(' ');
      status.files.push({ path: rel(parts.slice(8).join(' ')), kind: kindOf(parts[1] as string) });
    } else if (line.startsWith('2 ')) {
      const parts = line.split(' ');
      const from = fields[++i] as string;
      const copied = (parts[1] as string).includes('C');
      status.files.push(copied ? { path: rel(parts.slice(9).join(' ')), kind: 'new' } : { path: rel(parts.slice(9).join(' ')), kind: 'renamed', from: rel(from) });
    } else if (line.startsWith('u ')) {
      status.files.push({ path: rel(line.split(' ').slice(10).join(' ')), kind: 'conflicted' });
    } else if (line.startsWith('? ')) {
      status.files.push({ path: rel(line.slice(2)), kind: 'new' });
    }
  }
  status.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return status;
}

/** An ordinary change's kind from its XY (index, work tree) letters. */
function kindOf(xy: string): GitFileChange['kind'] {
  if (xy.includes('A')) return 'new';
  if (xy.includes('D')) return 'deleted';
  return 'modified';
}
