import { describe, expect, it } from 'vitest';
import { attachNavigationGuards, isTrustedSender, type GuardedContents } from '../../../../electron/security/guards';

const APP = 'app://hanji';

/** A fake web contents that records the listeners the guards install. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: (event: { preventDefault(): void }, url: string) => void) {
      listeners.set(event, listener);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = '') => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as unknown as GuardedContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('attachNavigationGuards', () => {
  const external: string[] = [];
  const fake = fakeContents();
  attachNavigationGuards(fake.contents, APP, (url) => external.push(url));

  it('lets the app navigate within itself', () => {
    expect(fake.fire('will-navigate', 'app://hanji/index.html')).toBe(false);
    expect(fake.fire('will-redirect', 'app://hanji/index.html')).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/'])('keeps the window from navigating to %s', (url) => {
    expect(fake.fire('will-navigate', url)).toBe(true);
    expect(fake.fire('will-redirect', url)).toBe(true);
  });

  it('sends web links to the system browser and nothing else', () => {
    external.length = 0;
    fake.fire('will-navigate', 'https://jekyllrb.com/docs/');
    fake.fire('will-navigate', 'file:///etc/passwd');
    expect(fake.open('https://evil.example')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open('app://hanji/index.html')).toEqual({ action: 'deny' });
    expect(external).toEqual(['https://jekyllrb.com/docs/', 'https://evil.example/']);
  });

  it('refuses every <webview>', () => {
    expect(fake.fire('will-attach-webview')).toBe(true);
  });
});

describe('isTrustedSender', () => {
  it.each([
    ['the app page', { url: 'app://hanji/index.html', parent: null }, true],
    ['a subframe of the app', { url: 'app://hanji/index.html', parent: {} }, false],
    ['another origin', { url: 'https://evil.example/', parent: null }, false],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }, false],
    ['no frame (destroyed)', null, false],
  ])('%s → %s', (_name, frame, trusted) => {
    expect(isTrustedSender(frame, APP)).toBe(trusted);
  });
});
