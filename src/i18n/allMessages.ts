/**
 * Every language's strings, for dictionariesLazy.ts to fetch on demand. The browser build gives
 * this module its own copy of the catalogues (vite.config.ts), so the Spanish and Portuguese
 * strings live in this chunk and not in the first paint's, which keeps only the English ones.
 */
export { MESSAGES } from './messages.ts';
