import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ClientContext } from './app/client-context';
import { connect } from './platform/connect';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ClientContext.Provider value={connect()}>
      <App />
    </ClientContext.Provider>
  </StrictMode>,
);
