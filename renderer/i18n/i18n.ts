import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';

/** Languages the UI is written in. */
export type UiLanguage = 'en' | 'ko';

/** The language to use: the user's choice, else the OS's (Korean for any `ko-*`), else English. */
export function resolveLanguage(choice: UiLanguage | 'system', osLanguages: readonly string[]): UiLanguage {
  if (choice !== 'system') return choice;
  return osLanguages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

/** Start i18next once for the whole renderer. */
export function initI18n(language: UiLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng: language,
    fallbackLng: 'en',
    // React escapes text already; i18next escaping would show `&amp;` in titles.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switch the UI language at runtime. */
export function setLanguage(language: UiLanguage): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
