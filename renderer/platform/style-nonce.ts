import { STYLE_NONCE_META } from '../../shared/contract/bridge';

/** The CSP nonce that lets CodeMirror inject its <style> elements; '' when the page has none. */
export function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content ?? '';
}
