import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ClientContext } from './app/client-context';
import { getPreferences } from './app/preferences';
import { DialogHost } from './features/dialogs/DialogHost';
import { initI18n, resolveLanguage } from './i18n/i18n';
import { connect } from './platform/connect';
import './styles.css';

initI18n(resolveLanguage(getPreferences().language, navigator.languages));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ClientContext.Provider value={connect()}>
      <DialogHost>
        <App />
      </DialogHost>
    </ClientContext.Provider>
  </StrictMode>,
);
