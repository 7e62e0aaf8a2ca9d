import { Component, type ReactNode } from 'react';
import { isChunkLoadError } from './chunk-load';

type State = { failed: boolean; error: unknown };

/**
 * Around the lazy routes: a chunk that fails to load (after a redeploy) shows a reload prompt
 * instead of a blank page. Plain elements, so the first download stays small; any other error
 * goes on to the boundary above.
 */
export class ChunkLoadBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    // Another page is another chunk: try again when the address changes.
    if (this.state.failed && previous.resetKey !== this.props.resetKey)
      this.setState({ failed: false, error: null });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    if (!isChunkLoadError(this.state.error)) throw this.state.error;
    return (
      <div role="alert" data-testid="chunk-load-failure" style={{ padding: 48, textAlign: 'center' }}>
        <p style={{ fontSize: 16, marginBottom: 8 }}>页面加载失败</p>
        <p style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 16 }}>
          系统可能已经更新，或网络暂时中断。请重新加载页面。
        </p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          style={{
            padding: '4px 15px',
            fontSize: 14,
            borderRadius: 4,
            border: 'none',
            color: '#fff',
            background: '#1d4f91',
            cursor: 'pointer',
          }}
        >
          重新加载
        </button>
      </div>
    );
  }
}
