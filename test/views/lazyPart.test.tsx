// @vitest-environment happy-dom
/**
 * lazyPart (src/views/lazy.tsx): a part whose code has arrived is drawn at once where it is
 * mounted (no Loading in between); one still on its way shows Loading, then the part, whose
 * state survives the re-renders after. It does not suspend: a Suspense boundary around it never
 * shows its fallback (React retries a suspended part behind every other update).
 */
import { act, Component, Suspense, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useDomRoot } from './domRoot.ts';
import { lazyPart } from '../../src/views/lazy.tsx';

const dom = useDomRoot();

/** A counter (state of its own) as a part, and the means to let its code "arrive". */
function counterPart() {
  let arrive!: () => void;
  const gate = new Promise<void>((ok) => (arrive = ok));
  function Counter({ label }: { label: string }) {
    const [n, setN] = useState(0);
    return (
      <button type="button" onClick={() => setN(n + 1)}>
        {label} {n}
      </button>
    );
  }
  const part = lazyPart(() => gate.then(() => Counter));
  return { part, arrive };
}

describe('lazyPart', () => {
  it('draws a part that has arrived at once, without the fallback', async () => {
    const { part, arrive } = counterPart();
    arrive();
    await part.preload();
    act(() =>
      dom.root.render(
        <Suspense fallback={<p>Loading</p>}>
          <part.Component label="count" />
        </Suspense>,
      ),
    );
    expect(dom.host.textContent).toBe('count 0');
  });

  it('shows the fallback until the part arrives, then the part, which keeps its state', async () => {
    const { part, arrive } = counterPart();
    const draw = (label: string) =>
      act(() =>
        dom.root.render(
          <Suspense fallback={<p>Loading</p>}>
            <part.Component label={label} />
          </Suspense>,
        ),
      );
    draw('count');
    // Its own Loading, announced, not the boundary's fallback.
    expect(dom.host.textContent).toBe('Loading…');
    expect(dom.host.querySelector('.rl-loading')?.getAttribute('role')).toBe('status');
    await act(async () => {
      arrive();
      await part.preload();
    });
    expect(dom.host.textContent).toBe('count 0');
    act(() => dom.host.querySelector('button')?.click());
    expect(dom.host.textContent).toBe('count 1');
    // A re-render with new props keeps the instance (the count is kept).
    draw('total');
    expect(dom.host.textContent).toBe('total 1');
  });

  it('throws a part that fails to load where it would be drawn, for the error boundary', async () => {
    class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
      override state = { error: null as string | null };
      static getDerivedStateFromError(error: unknown) {
        return { error: String(error) };
      }
      override render() {
        return this.state.error ?? this.props.children;
      }
    }
    const part = lazyPart<{ label: string }>(() => Promise.reject(new Error('no network')));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      act(() =>
        dom.root.render(
          <Boundary>
            <part.Component label="x" />
          </Boundary>,
        ),
      );
      expect(dom.host.textContent).toBe('Loading…');
      await act(async () => {
        await part.preload().catch(() => {});
      });
      expect(dom.host.textContent).toBe('Error: no network');
    } finally {
      quiet.mockRestore();
    }
  });
});
