/** React binding of the shell store, and `useT` for the app's own translated strings. */
import {
  createContext,
  useCallback,
  useContext,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useStore } from 'zustand';
import { translate, type Language, type Translate } from '../../i18n/index.ts';
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

export type { Translate };

/** The app's strings in the chosen language (English where a translation is missing). */
export function useT(): Translate {
  const lang = usePresenter((s) => s.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}

const NO_STORE_SUBSCRIBE = (): (() => void) => () => {};

/**
 * The chosen language, or English outside a <PresenterProvider> (Node renders of the panels),
 * so the lab's panels can be rendered on their own.
 */
export function useLanguage(): Language {
  const store = useContext(PresenterContext);
  const read = (): Language => store?.getState().lang ?? 'en';
  return useSyncExternalStore(store ? store.subscribe : NO_STORE_SUBSCRIBE, read, read);
}

/** `useT` for the lab's panels and controls: English when there is no provider. */
export function useLabT(): Translate {
  const lang = useLanguage();
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
