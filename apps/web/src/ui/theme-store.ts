import { create } from 'zustand';

export type Theme = 'light' | 'dark';

/** Also read by public/theme-init.js before the bundle loads. */
export const THEME_STORAGE_KEY = 'weir.theme';

function storedTheme(): Theme | null {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function apply(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

interface ThemeState {
  theme: Theme;
  /** True once the person chose a theme; until then the system preference is followed. */
  chosen: boolean;
  toggle(): void;
  set(theme: Theme): void;
  /** Applies a change of the system preference unless the person chose a theme. */
  followSystem(theme: Theme): void;
}

export const useTheme = create<ThemeState>((set, get) => {
  const stored = storedTheme();
  const initial = stored ?? systemTheme();
  apply(initial);
  return {
    theme: initial,
    chosen: stored !== null,
    toggle() {
      get().set(get().theme === 'dark' ? 'light' : 'dark');
    },
    set(theme) {
      try {
        window.localStorage.setItem(THEME_STORAGE_KEY, theme);
      } catch {
        // Storage may be blocked; the choice then lasts for this page only.
      }
      apply(theme);
      set({ theme, chosen: true });
    },
    followSystem(theme) {
      if (get().chosen) return;
      apply(theme);
      set({ theme });
    },
  };
});

/** Follows prefers-color-scheme changes; returns the unsubscribe function. */
export function listenToSystemTheme(): () => void {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  if (!media) return () => {};
  const onChange = (e: MediaQueryListEvent) => useTheme.getState().followSystem(e.matches ? 'dark' : 'light');
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
