/**
 * Credentials never leave the git module: every string it returns, throws, reports or logs goes
 * through `redact` first.
 */

// `scheme://user:secret@host` or `scheme://token@host`: everything between `//` and `@`.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/giu;
// Token shapes of the hosts blogs push to: GitHub classic and fine-grained, GitLab, Bitbucket.
const TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|ATBB[A-Za-z0-9]{20,})\b/gu;
// `Authorization: Basic …` / `Bearer …` from GIT_TRACE or http.extraHeader echoes.
const AUTH_HEADER = /\b(authorization:\s*(?:basic|bearer|token)\s+)\S+/giu;

/** `text` with credentials in URLs, known token shapes and auth headers replaced by `***`. */
export function redact(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@').replace(TOKENS, '***').replace(AUTH_HEADER, '$1***');
}
