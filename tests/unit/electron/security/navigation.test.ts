import { describe, expect, it } from 'vitest';
import { decideNavigation, isAppUrl, onWillNavigate, onWindowOpen } from '../../../../electron/security/navigation';

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

describe('will-navigate and window-open handlers', () => {
  it.each([
    ['app://hanji/index.html', true, null],
    ['https://evil.example', false, 'https://evil.example/'],
    ['file:///etc/passwd', false, null],
    ['javascript:alert(document.domain)', false, null],
  ])('navigating to %s: stays in window %s, opens externally %s', (url, stay, external) => {
    expect(onWillNavigate(url, APP)).toEqual({ stayInWindow: stay, openExternally: external });
  });

  it.each([
    ['app://hanji/index.html', null],
    ['https://evil.example', 'https://evil.example/'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
  ])('window.open(%s) never opens a window in the app; external: %s', (url, external) => {
    expect(onWindowOpen(url, APP)).toEqual({ stayInWindow: false, openExternally: external });
  });
});
