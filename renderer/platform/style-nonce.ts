/** Name of the meta tag in which the server hands over this document's style nonce. */
const META = 'hanji-style-nonce';

/** The CSP nonce that lets CodeMirror inject its <style> elements; '' when the page has none. */
export function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${META}"]`)?.content ?? '';
}
