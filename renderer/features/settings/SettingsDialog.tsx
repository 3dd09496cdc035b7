import { useModalDialog } from '../dialogs/useModalDialog';
import { useTranslation } from 'react-i18next';
import { updatePreferences, usePreferences, type Preferences } from '../../app/preferences';

/** Language, theme, editor font size, autosave and the form panel; changes apply at once. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const ref = useModalDialog(onClose);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="dialog-field">
        <span>{t('settings.language')}</span>
        <select value={prefs.language} onChange={(e) => updatePreferences({ language: e.target.value as Preferences['language'] })}>
          <option value="system">{t('settings.languageSystem')}</option>
          <option value="en">English</option>
          <option value="ko">한국어</option>
        </select>
      </label>
      <label className="dialog-field">
        <span>{t('settings.theme')}</span>
        <select value={prefs.theme} onChange={(e) => updatePreferences({ theme: e.target.value as Preferences['theme'] })}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
      <label className="dialog-field">
        <span>{t('settings.fontSize')}</span>
        <input type="number" min={10} max={32} value={prefs.fontSize} onChange={(e) => updatePreferences({ fontSize: Number(e.target.value) || 15 })} />
      </label>
      <label className="dialog-field">
        <span>{t('settings.fontFamily')}</span>
        <select value={prefs.fontFamily} onChange={(e) => updatePreferences({ fontFamily: e.target.value as Preferences['fontFamily'] })}>
          <option value="mono">{t('settings.fontMono')}</option>
          <option value="sans">{t('settings.fontSans')}</option>
          <option value="serif">{t('settings.fontSerif')}</option>
        </select>
      </label>
      <label className="dialog-field dialog-field-checkbox">
        <input type="checkbox" checked={prefs.autosave} onChange={(e) => updatePreferences({ autosave: e.target.checked })} />
        <span>{t('settings.autosave')}</span>
      </label>
      <label className="dialog-field dialog-field-checkbox">
        <input type="checkbox" checked={prefs.showForm} onChange={(e) => updatePreferences({ showForm: e.target.checked })} />
        <span>{t('settings.showForm')}</span>
      </label>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </dialog>
  );
}
