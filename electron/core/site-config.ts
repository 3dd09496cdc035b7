import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { HanjiError } from '../../shared/contract/result';
import type { SiteInfo } from '../../shared/model/site';

/** Read `_config.yml` into the site facts Hanji shows; a missing file means Jekyll's defaults. */
export function readSiteInfo(root: string): SiteInfo {
  const file = path.join(root, '_config.yml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return siteInfoFrom(root, {});
    throw error;
  }
  let config: unknown;
  try {
    config = yaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    throw new HanjiError('INVALID_FRONT_MATTER', `_config.yml is not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      path: '_config.yml',
      ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
    });
  }
  return siteInfoFrom(root, typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {});
}

function siteInfoFrom(root: string, config: Record<string, unknown>): SiteInfo {
  const text = (key: string, fallback: string) => {
    const value = config[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
  };
  return {
    root,
    title: text('title', path.basename(root)),
    url: text('url', ''),
    baseurl: text('baseurl', ''),
    timezone: text('timezone', ''),
    permalink: text('permalink', 'date'),
  };
}
