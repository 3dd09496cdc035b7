import { mkdirSync, promises as fs, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { HanjiError } from '../../../shared/contract/result';
import { suggestCommitMessage } from '../../../shared/git/commit-message';
import { classifyPostPath } from '../../../shared/jekyll/post-filename';
import { siteImagePaths } from '../../../shared/jekyll/post-images';
import type { ExportMapping, ExportResult } from '../../../shared/model/git';
import { writeFileAtomic } from '../atomic-write';
import { resolveInSite, resolvePostPath } from '../site-paths';
import { GitRunner, type GitRunnerOptions } from './git-runner';
import { SiteGit } from './site-git';

/** The site a post comes from: its folder, baseurl (to read image links) and a title lookup. */
export interface ExportSource {
  root: string;
  baseurl: string;
  titleOf(path: string): string | null;
}

/**
 * Copy posts and the site images they show into another repository (`mapping.postsDir`, `_posts`
 * by default, and `mapping.assetsDir`, `assets`), commit the copies there and push when it has a
 * remote. `target` is the one path from outside the site Hanji accepts: it must be the top folder
 * of a Git work tree other than the site, and nothing is written outside those two folders of it.
 */
export async function exportPosts(source: ExportSource, target: string, posts: readonly string[], mapping: ExportMapping, git: GitRunnerOptions = {}): Promise<ExportResult> {
  const top = await targetWorkTree(source.root, target, git);
  const postsDir = resolveInSite(top, mapping.postsDir ?? '_posts').rel;
  const assetsDir = resolveInSite(top, mapping.assetsDir ?? 'assets').rel;
  for (const dir of [postsDir, assetsDir]) if (dir.split('/').includes('.git')) throw new HanjiError('BAD_REQUEST', `Hanji does not write into ${dir} of the target repository.`);
  if (posts.length === 0) throw new HanjiError('BAD_REQUEST', 'Choose at least one post to export.');

  // Target path → the file it copies, and for a post whose image links had to follow its images, the new text.
  const copies = new Map<string, { from: string; text?: string }>();
  for (const input of posts) {
    const post = resolvePostPath(source.root, input);
    if (classifyPostPath(post.rel) !== 'post') throw new HanjiError('BAD_REQUEST', `${post.rel} is a draft: publish it before exporting it.`, { path: post.rel });
    const text = await fs.readFile(post.abs, 'utf8');
    let exported = text;
    for (const image of siteImagePaths(text, source.baseurl)) {
      const file = resolveInSite(source.root, image);
      if (!statSync(file.abs, { throwIfNoEntry: false })?.isFile()) continue;
      const mapped = `${assetsDir}/${file.rel.startsWith('assets/') ? file.rel.slice('assets/'.length) : file.rel}`;
      copies.set(mapped, { from: file.abs });
      // With another assets folder the post's links move with its images (site-absolute links as written).
      if (mapped !== file.rel) exported = exported.split(`/${file.rel}`).join(`/${mapped}`);
    }
    copies.set(`${postsDir}/${path.posix.basename(post.rel)}`, exported === text ? { from: post.abs } : { from: post.abs, text: exported });
  }

  // Every destination is confined in the target (a symlinked folder there must not lead out)
  // before the first file is written, so a refusal leaves the target as it was.
  const plan = [...copies].map(([rel, copy]) => ({ to: resolveInSite(top, rel), copy }));
  const written: string[] = [];
  for (const { to, copy } of plan) {
    mkdirSync(path.dirname(to.abs), { recursive: true });
    await writeFileAtomic(to.abs, copy.text !== undefined ? Buffer.from(copy.text, 'utf8') : await fs.readFile(copy.from), 0o644);
    written.push(to.rel);
  }

  const repo = new SiteGit(top, git);
  const status = await repo.status();
  const changed = status.files.filter((f) => written.includes(f.path));
  const titles = new Map([...copies].map(([rel, copy]) => [rel, source.titleOf(path.relative(source.root, copy.from).split(path.sep).join('/'))]));
  const commit = await repo.commit(
    changed.map((f) => f.path),
    suggestCommitMessage(changed, (rel) => titles.get(rel) ?? null),
  );
  if (status.remotes.length === 0) return { files: written.sort(), commit: commit.commit, pushed: false };
  try {
    await repo.push();
  } catch (error) {
    if (!(error instanceof HanjiError)) throw error;
    throw new HanjiError('GIT_FAILED', `Committed ${commit.commit.slice(0, 7)} in ${top}, but the push failed. ${error.message}`, error.reason ? { reason: error.reason } : {});
  }
  return { files: written.sort(), commit: commit.commit, pushed: true };
}

/** The real top folder of the target work tree; refuses a relative path, the site's own repository, or anything that is not a work tree's top. */
async function targetWorkTree(siteRoot: string, target: string, git: GitRunnerOptions): Promise<string> {
  if (!path.isAbsolute(target)) throw new HanjiError('BAD_REQUEST', `Give the target repository as an absolute folder path, not "${target.slice(0, 200)}".`);
  if (!statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new HanjiError('NOT_FOUND', `The folder ${target} does not exist.`);
  const real = realpathSync(target);
  const top = (
    await new GitRunner(real, git).run(['rev-parse', '--show-toplevel']).catch((error: unknown) => {
      if (error instanceof HanjiError && error.reason === 'NOT_A_REPO') throw new HanjiError('GIT_FAILED', `${target} is not a Git repository: clone the repository you export to, then choose its folder.`, { reason: 'NOT_A_REPO' });
      throw error;
    })
  ).trim();
  if (realpathSync(top) !== real) throw new HanjiError('BAD_REQUEST', `${target} is inside a repository but not its top folder (${top}); choose the top folder.`);
  const site = realpathSync(siteRoot);
  if (real === site || site.startsWith(real + path.sep) || real.startsWith(site + path.sep)) {
    throw new HanjiError('BAD_REQUEST', 'The target repository must be another folder than the site; to publish the site itself use Commit and Push.');
  }
  return real;
}
