/**
 * An error boundary per panel: a view that throws while rendering shows a compact message with a
 * Retry button in its place, and the rest of the lab (the other panels, the controls, the run)
 * goes on. The run lives in the store, outside React, so nothing of it is lost.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLabT } from '../services/presenter/context.tsx';
import { FaultPoint } from '../services/faults.ts';

export interface PanelBoundaryProps {
  /** Which panel this is (for the fault test hook and `data-panel`). */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

const MESSAGE_CHARS = 200;

function messageOf(error: Error): string {
  const text = error.message || error.name || 'unknown error';
  return text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS)}…` : text;
}

/** The message a failed panel shows in its place. */
export function PanelFault({
  name,
  message,
  onRetry,
}: {
  name: string;
  message: string;
  onRetry: () => void;
}) {
  const t = useLabT();
  return (
    <div className="rl-panel-fault" role="alert" data-testid="panel-fault" data-panel={name}>
      <span className="rl-panel-fault-text">{t('fault.panel', { message })}</span>
      <button type="button" className="rl-button" onClick={onRetry}>
        {t('fault.retry')}
      </button>
    </div>
  );
}

export class PanelBoundary extends Component<PanelBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Raft Lab: the ${this.props.name} panel failed.`, error, info.componentStack);
  }

  private readonly retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (error !== null) {
      return <PanelFault name={this.props.name} message={messageOf(error)} onRetry={this.retry} />;
    }
    return (
      <>
        <FaultPoint panel={this.props.name} />
        {this.props.children}
      </>
    );
  }
}
