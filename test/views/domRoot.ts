/**
 * A React root in a fresh host element for each test of the calling file (happy-dom): mounted
 * before each test, unmounted and removed after it.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

export interface DomRoot {
  /** The element the root renders into. */
  readonly host: HTMLElement;
  readonly root: Root;
}

export function useDomRoot(): DomRoot {
  let host: HTMLElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });
  return {
    get host() {
      if (host === null) throw new Error('no host outside a test');
      return host;
    },
    get root() {
      if (root === null) throw new Error('no root outside a test');
      return root;
    },
  };
}
