import { describe, expect, it } from 'vitest';
import { decideNavigation, isAppUrl } from '../../../../electron/security/navigation';

const APP = 'app://hanji';

describe('decideNavigation', () => {
  it.each([
    ['app://hanji/index.html', 'allow'],
    ['app://hanji/#/post', 'allow'],
    ['https://jekyllrb.com/docs/', 'external'],
    ['http://example.com/a?b=c', 'external'],
    ['https://evil.example', 'external'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['JAVASCRIPT:alert(1)', 'deny'],
    ['data:text/html,<script>alert(1)</script>', 'deny'],
    ['app://evil/index.html', 'deny'],
    ['app://hanji.evil.example/', 'deny'],
    ['https://user:pass@example.com/', 'deny'],
    ['vbscript:msgbox', 'deny'],
    ['ms-settings:', 'deny'],
    ['not a url', 'deny'],
    ['', 'deny'],
  ])('%s → %s', (url, decision) => {
    expect(decideNavigation(url, APP)).toBe(decision);
  });

  it('keeps the browser-mode origin in the window and nothing else on that host', () => {
    expect(decideNavigation('http://127.0.0.1:4000/', 'http://127.0.0.1:4000')).toBe('allow');
    expect(isAppUrl('http://127.0.0.1:4001/', 'http://127.0.0.1:4000')).toBe(false);
  });
});
