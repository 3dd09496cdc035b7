/** Plain serializable types that describe a site and its posts. */

/** The open site, as read from its folder and `_config.yml`. */
export interface SiteInfo {
  /** Absolute path of the site folder on the machine that serves the API. */
  root: string;
  title: string;
  url: string;
  baseurl: string;
  /** IANA zone name from `_config.yml`, or '' when the site does not set one. */
  timezone: string;
  permalink: string;
}

/** Whether Jekyll would publish a post. */
export type PostStatus = 'published' | 'draft';

/** One line of the post library. */
export interface PostSummary {
  /** Site-relative path with `/` separators, e.g. `_posts/2025-02-05-hello.md`. */
  path: string;
  title: string;
  /** `YYYY-MM-DD` from the filename, or null for drafts. */
  date: string | null;
  status: PostStatus;
}

/** The full text of a post as it is on disk, with the hash that guards its next save. */
export interface PostDocument {
  path: string;
  text: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
}

/** What a successful save returns: the new hash to pass to the next save. */
export interface WriteResult {
  path: string;
  hash: string;
}
