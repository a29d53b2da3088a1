// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useMoveShield } from './move-shield';

afterEach(cleanup);

let shield: ReturnType<typeof useMoveShield>;
let renders = 0;
function Canvas() {
  shield = useMoveShield();
  return <div ref={shield.ref} data-testid="shield" />;
}

describe('useMoveShield', () => {
  it('takes the pointer from the first move of a gesture to its end, without re-rendering the canvas', () => {
    render(<Profiler id="canvas" onRender={() => void renders++}><Canvas /></Profiler>);
    const el = screen.getByTestId('shield');
    const before = renders;
    expect(el.hasAttribute('data-moving')).toBe(false);
    act(() => shield.onMove());
    expect(el.hasAttribute('data-moving')).toBe(true);
    act(() => shield.onMove());
    expect(el.hasAttribute('data-moving')).toBe(true);
    act(() => shield.onMoveEnd());
    expect(el.hasAttribute('data-moving')).toBe(false);
    expect(renders).toBe(before);
  });

  it('keeps the same callbacks between renders, so React Flow is not handed new props', () => {
    const { rerender } = render(<Canvas />);
    const first = shield;
    rerender(<Canvas />);
    expect(shield.onMove).toBe(first.onMove);
    expect(shield.onMoveEnd).toBe(first.onMoveEnd);
  });
});
