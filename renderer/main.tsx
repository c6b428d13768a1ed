import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context.js';
import { chooseClient } from './api/choose-client.js';
import { App } from './app.js';
import { text } from './i18n/text.js';
import './styles/base.css';

document.documentElement.lang = text.locale;
const api = chooseClient();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
