/** React binding of the shell store, and `useT` for the app's own translated strings. */
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { translate, type MessageKey, type Params } from '../i18n/index.ts';
import type { PresenterState, PresenterStore } from './presenterStore.ts';

const PresenterContext = createContext<PresenterStore | null>(null);

export function PresenterProvider({
  store,
  children,
}: {
  store: PresenterStore;
  children: ReactNode;
}) {
  return <PresenterContext.Provider value={store}>{children}</PresenterContext.Provider>;
}

export function usePresenterStore(): PresenterStore {
  const store = useContext(PresenterContext);
  if (!store) throw new Error('usePresenter* must be used inside <PresenterProvider>.');
  return store;
}

export function usePresenter<T>(selector: (state: PresenterState) => T): T {
  return useStore(usePresenterStore(), selector);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The app's strings in the chosen language (English where a translation is missing). */
export function useT(): Translate {
  const lang = usePresenter((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
