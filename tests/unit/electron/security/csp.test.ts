import { describe, expect, it } from 'vitest';
import { rendererCsp, securityHeaders } from '../../../../electron/security/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/u)).map(([name = '', ...values]) => [name, values]));
}

describe('renderer CSP', () => {
  const csp = directives(rendererCsp('abc123'));

  it('runs scripts only from the app itself: no inline scripts, no eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(rendererCsp('abc123')).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/u);
  });

  it('falls back to nothing and forbids plugins, <base>, forms and framing', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows the editor styles only through the per-document nonce', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(directives(rendererCsp()).get('style-src')).toEqual(["'self'"]);
  });

  it('loads images from the app, data:, blob: (site images) and https: (web images the user allowed), never http:', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
  });

  it('talks only to its own origin', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('is sent with nosniff and no referrer', () => {
    expect(securityHeaders()).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  });
});
