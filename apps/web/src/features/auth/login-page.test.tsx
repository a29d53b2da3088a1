// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRouter } from '../../router/router-store';
import { LoginPage } from './login-page';
import { safeNext, useSession } from './session-store';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function open(path: string) {
  window.history.replaceState(null, '', path);
  useRouter.getState().sync();
  return render(<LoginPage home="/pipelines" />);
}

describe('LoginPage', () => {
  it('exchanges the token once, with the CSRF header, and goes on to where the person was headed', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ user: { id: 'u1', name: 'ada', role: 'viewer' } }), { status: 200 });
    });
    open('/login?token=abc&next=%2Fkafka');
    await vi.waitFor(() => expect(window.location.pathname).toBe('/kafka'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/auth/login');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ token: 'abc' });
    expect((calls[0]!.init.headers as Record<string, string>)['x-weir-csrf']).toBe('1');
    expect(useSession.getState().user).toEqual({ id: 'u1', name: 'ada', role: 'viewer' });
  });

  it('explains a spent or expired link', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'INVALID_LOGIN_TOKEN', message: 'unknown token' } }), { status: 401 }));
    open('/login?token=used');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('already been used or has expired');
    expect(alert.textContent).toContain('INVALID_LOGIN_TOKEN');
    expect(window.location.pathname).toBe('/login');
  });

  it('without a token, says where the login link is', () => {
    open('/login');
    expect(screen.getByRole('heading', { name: 'Log in to Weir' })).toBeTruthy();
    expect(screen.getByText(/printed/).textContent).toContain('weir up');
  });

  it('only follows a next address inside the app', () => {
    expect(safeNext('/pipelines/1')).toBe('/pipelines/1');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
