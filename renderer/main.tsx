import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { guessLocale, I18nProvider } from './app/i18n';
import { MissingBridgeScreen } from './app/system-screens';
import { hasBridge } from './lib/api';
import './app/tokens.css';
import './app/base.css';
import './components/controls.css';
import './components/blocks.css';
import './features/features.css';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nProvider initialLocale={guessLocale()}>{hasBridge() ? <App /> : <MissingBridgeScreen />}</I18nProvider>
    </StrictMode>,
  );
}
