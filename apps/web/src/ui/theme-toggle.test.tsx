// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeToggle } from './theme-toggle';
import { THEME_STORAGE_KEY, useTheme } from './theme-store';

afterEach(cleanup);

describe('ThemeToggle', () => {
  it('switches between light and dark, applies the class and remembers the choice', () => {
    useTheme.getState().set('light');
    render(<ThemeToggle />);
    expect(document.documentElement.classList.contains('dark')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    fireEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  it('stops following the system preference once the person chose', () => {
    useTheme.setState({ chosen: false, theme: 'light' });
    useTheme.getState().followSystem('dark');
    expect(useTheme.getState().theme).toBe('dark');
    useTheme.getState().set('light');
    useTheme.getState().followSystem('dark');
    expect(useTheme.getState().theme).toBe('light');
  });
});
