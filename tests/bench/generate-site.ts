import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_SAMPLES } from '../helpers/temp-site';

const TAGS = ['OpenAI', 'AI', '샘 올트먼', '카카오', 'SK그룹', '삼성전자', 'Jekyll', '블로그', 'LLM', '반도체'];

/**
 * Write a site of `count` posts shaped like our users' real post (minimal-mistakes front matter,
 * Korean body of ~5 KB): varied titles, dates, tags and categories, a few drafts and folders.
 */
export function generateSite(root: string, count: number): void {
  const sample = readFileSync(path.join(SHARED_SAMPLES, '2025-02-05-openai-sam-altman-korea-visit.md'), 'utf8');
  const body = sample.slice(sample.indexOf('\n---\n', 4) + 5);
  mkdirSync(path.join(root, '_posts'), { recursive: true });
  mkdirSync(path.join(root, 'news', '_posts'), { recursive: true });
  mkdirSync(path.join(root, '_drafts'), { recursive: true });
  writeFileSync(path.join(root, '_config.yml'), 'title: "Bench blog"\ntimezone: Asia/Seoul\npermalink: /:categories/:title/\n');
  const start = Date.UTC(2015, 0, 1);
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 8 * 3600 * 1000).toISOString().slice(0, 10);
    const tags = [TAGS[i % TAGS.length], TAGS[(i * 7) % TAGS.length], TAGS[(i * 3) % TAGS.length]];
    const folder = i % 10 === 0 ? 'news/_posts' : i % 97 === 0 ? '_drafts' : '_posts';
    const name = folder === '_drafts' ? `draft-${i}.md` : `${date}-post-${i}-샘-올트먼.md`;
    const text = `---\nlayout: single\ntitle: "AI News ${i} - 오픈AI 샘 올트먼 방한, 한국 AI 생태계에 새로운 바람"\ncategories: AI_News\ntag: [${tags.join(', ')}]\ntoc: true\nauthor_profile: false\nsidebar:\n  nav: "docs"\n---\n${body}`;
    writeFileSync(path.join(root, folder, name), text);
  }
}
