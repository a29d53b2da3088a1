/* global window, document */
// Runs before the app's bundle so the page never flashes the wrong theme.
// Keep the storage key in step with src/ui/theme-store.ts.
(function () {
  var stored = null;
  try {
    stored = localStorage.getItem('weir.theme');
  } catch {
    // Storage blocked: follow the system preference.
  }
  var dark = stored ? stored === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.classList.toggle('dark', dark);
})();
