import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuItemSpec } from '../../shared/contract/app-menu';
import type { Command } from './commands';

const MENU_OF: Record<string, MenuItemSpec['menu']> = { file: 'file', post: 'post', view: 'view', app: 'view' };

/**
 * In the desktop app, show `commands` in the menu bar (translated, with their enabled state) and
 * run the one the user chooses there; in a browser there is no menu bar and this does nothing.
 */
export function useDesktopMenu<Ctx>(commands: readonly Command<Ctx>[], ctx: Ctx, target: string | null): void {
  const { t, i18n } = useTranslation();
  const bridge = typeof window === 'undefined' ? undefined : window.hanji;
  const latest = useRef({ ctx, target });
  useEffect(() => {
    latest.current = { ctx, target };
  }, [ctx, target]);

  const items = commands
    .filter((c) => c.places.includes('menuBar'))
    .map((c): MenuItemSpec => ({ id: c.id, label: t(c.label), enabled: c.enabled(ctx, target), menu: MENU_OF[c.id.split('.')[0] ?? ''] ?? 'view', ...(c.shortcut ? { shortcut: c.shortcut } : {}) }));
  const key = JSON.stringify(items);
  useEffect(() => {
    const unsaved = { message: t('dialog.closeUnsaved'), detail: t('dialog.unsavedMessage'), save: t('dialog.save'), discard: t('dialog.discard'), cancel: t('dialog.cancel') };
    bridge?.setMenu({ file: t('menu.file'), post: t('menu.post'), view: t('menu.view'), unsaved }, JSON.parse(key) as MenuItemSpec[]);
  }, [bridge, key, t, i18n.language]);

  useEffect(
    () =>
      bridge?.onMenuCommand((id) => {
        const command = commands.find((c) => c.id === id);
        const { ctx: now, target: on } = latest.current;
        if (command?.enabled(now, on)) void command.run(now, on);
      }),
    [bridge, commands],
  );
}
