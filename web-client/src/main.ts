// Entry point: applies the remembered language, creates the API client (browser fetch, tokens in
// sessionStorage) and starts the application shell in #app.
import './styles.css';
import { ApiClient } from './api';
import { App } from './app';
import { initLocale } from './i18n';
import { browserSessionStorage, TokenStore } from './session';

initLocale();

const root = document.getElementById('app');
if (root) {
    const api = new ApiClient(fetch, { tokens: new TokenStore(browserSessionStorage()) });
    new App(root, api).start();
}
