// @vitest-environment happy-dom
/**
 * The panel error boundary (issue 7, "an internal error never leaves a dead page"), rendered with
 * React's client renderer in a DOM (happy-dom): a panel that throws shows a compact message with
 * a Retry button in en/es/pt, the panels beside it keep rendering, and Retry renders the panel
 * again once it works. Without the boundary React unmounts the whole root: an empty page.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { createLabStore } from '../../src/store/index.ts';
import { armPanelFault } from '../../src/services/faults.ts';
import { PanelBoundary } from '../../src/views/PanelBoundary.tsx';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let broken = true;
function Flaky() {
  if (broken) throw new Error('cannot read properties of undefined (reading "term")');
  return <p>log panel</p>;
}

function Lab({ lang }: { lang: Language }) {
  const shell = createPresenterStore(createLabStore({ clock: () => 0 }), { lang });
  return (
    <PresenterProvider store={shell}>
      <PanelBoundary name="logs">
        <Flaky />
      </PanelBoundary>
      <PanelBoundary name="events">
        <p>event feed</p>
      </PanelBoundary>
    </PresenterProvider>
  );
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  vi.spyOn(console, 'error').mockImplementation(() => {});
  broken = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

const retryButton = (): HTMLButtonElement | null =>
  container.querySelector<HTMLButtonElement>('[data-testid="panel-fault"] button');

describe('PanelBoundary', () => {
  it.each([
    [
      'en' as const,
      'This panel hit an internal error: cannot read properties of undefined (reading "term"). The run is kept.',
      'Retry',
    ],
    [
      'es' as const,
      'Este panel tuvo un error interno: cannot read properties of undefined (reading "term"). La ejecución se conserva.',
      'Reintentar',
    ],
    [
      'pt' as const,
      'Este painel teve um erro interno: cannot read properties of undefined (reading "term"). A execução foi mantida.',
      'Tentar de novo',
    ],
  ])('in %s: the failed panel says so, its neighbour still renders', (lang, text, retry) => {
    act(() => root.render(<Lab lang={lang} />));
    const fault = container.querySelector('[data-testid="panel-fault"]');
    expect(fault?.getAttribute('role')).toBe('alert');
    expect(fault?.getAttribute('data-panel')).toBe('logs');
    expect(fault?.querySelector('span')?.textContent).toBe(text);
    expect(retryButton()?.textContent).toBe(retry);
    expect(container.textContent).toContain('event feed');
    expect(container.textContent).not.toContain('log panel');
  });

  it('Retry renders the panel again once it works', () => {
    act(() => root.render(<Lab lang="en" />));
    broken = false;
    act(() => retryButton()?.click());
    expect(container.querySelector('[data-testid="panel-fault"]')).toBeNull();
    expect(container.textContent).toContain('log panel');
    expect(container.textContent).toContain('event feed');
  });

  it('Retry on a panel that still fails shows the message again', () => {
    act(() => root.render(<Lab lang="en" />));
    act(() => retryButton()?.click());
    expect(retryButton()).not.toBeNull();
    expect(container.textContent).toContain('event feed');
  });

  it('a fault armed through the test hook hits only its panel, until disarmed', () => {
    broken = false;
    act(() => root.render(<Lab lang="en" />));
    expect(container.textContent).toContain('log panel');
    act(() => armPanelFault('events', 'injected'));
    expect(container.querySelector('[data-panel="events"] span')?.textContent).toBe(
      'This panel hit an internal error: injected. The run is kept.',
    );
    expect(container.textContent).toContain('log panel');
    act(() => armPanelFault('events', null));
    act(() => retryButton()?.click());
    expect(container.textContent).toContain('event feed');
    expect(retryButton()).toBeNull();
  });
});
