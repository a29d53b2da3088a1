// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Link } from './link';
import { listenToHistory, useRouter } from './router-store';

beforeEach(() => {
  window.history.replaceState(null, '', '/pipelines');
  useRouter.getState().sync();
});
afterEach(cleanup);

function renderNav() {
  return render(
    <nav>
      <Link to="/pipelines">Pipelines</Link>
      <Link to="/jobs" matchNested>
        Jobs
      </Link>
    </nav>,
  );
}

describe('Link and the router store', () => {
  it('moves within the app with pushState and marks the current link', () => {
    renderNav();
    expect(screen.getByText('Pipelines').getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByText('Jobs'));
    expect(window.location.pathname).toBe('/jobs');
    expect(useRouter.getState().pathname).toBe('/jobs');
    expect(screen.getByText('Jobs').getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('Pipelines').getAttribute('aria-current')).toBeNull();
  });

  it('marks a nested location current when asked to', () => {
    renderNav();
    act(() => useRouter.getState().navigate('/jobs/42?tab=metrics'));
    expect(useRouter.getState()).toMatchObject({ pathname: '/jobs/42', search: '?tab=metrics' });
    expect(screen.getByText('Jobs').getAttribute('aria-current')).toBe('page');
  });

  it('leaves modified clicks (new tab) to the browser', () => {
    renderNav();
    fireEvent.click(screen.getByText('Jobs'), { ctrlKey: true });
    expect(useRouter.getState().pathname).toBe('/pipelines');
  });

  it('follows the browser back and forward buttons', () => {
    const stop = listenToHistory();
    try {
      renderNav();
      fireEvent.click(screen.getByText('Jobs'));
      window.history.replaceState(null, '', '/pipelines');
      act(() => {
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      expect(useRouter.getState().pathname).toBe('/pipelines');
      expect(screen.getByText('Pipelines').getAttribute('aria-current')).toBe('page');
    } finally {
      stop();
    }
  });

  it('replaces the entry instead of adding one when asked', () => {
    const before = window.history.length;
    act(() => useRouter.getState().navigate('/kafka', { replace: true }));
    expect(window.history.length).toBe(before);
    expect(window.location.pathname).toBe('/kafka');
  });
});
