import type { ReactNode } from 'react';

// One glyph per icon name the node catalog uses (lucide-style names, drawn for Weir).
const GLYPHS: Record<string, ReactNode> = {
  'radio-tower': (
    <>
      <path d="M4.9 16.1a10 10 0 0 1 0-14.2M19.1 1.9a10 10 0 0 1 0 14.2M7.8 13.2a6 6 0 0 1 0-8.4M16.2 4.8a6 6 0 0 1 0 8.4" />
      <circle cx="12" cy="9" r="2" />
      <path d="M9.5 22L12 11l2.5 11" />
    </>
  ),
  filter: <path d="M3 4h18l-7 8.5V19l-4 2v-8.5z" />,
  'square-function': (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2" />
      <path d="M9 17c2 0 2.5-1 3-5s1-5 3-5M9 11.5h6" />
    </>
  ),
  merge: <path d="M8 6l4-4 4 4M12 2v10.3a4 4 0 0 1-1.2 2.9L4 22M20 22l-5-5" />,
  timer: (
    <>
      <path d="M10 2h4M12 14l3-3" />
      <circle cx="12" cy="14" r="8" />
    </>
  ),
  'gallery-horizontal': (
    <>
      <path d="M2 3v18M22 3v18" />
      <rect x="6" y="5" width="12" height="14" rx="2" />
    </>
  ),
  hourglass: <path d="M5 22h14M5 2h14M17 22v-4.2a2 2 0 0 0-.6-1.4L12 12l-4.4 4.4a2 2 0 0 0-.6 1.4V22M7 2v4.2a2 2 0 0 0 .6 1.4L12 12l4.4-4.4a2 2 0 0 0 .6-1.4V2" />,
  hash: <path d="M4 9h16M4 15h16M10 3L8 21M16 3l-2 18" />,
  'git-merge': (
    <>
      <circle cx="18" cy="18" r="3" />
      <circle cx="6" cy="6" r="3" />
      <path d="M6 21V9a9 9 0 0 0 9 9" />
    </>
  ),
  send: <path d="M22 2L11 13M22 2l-7 20-4-9-9-4z" />,
  database: (
    <>
      <ellipse cx="12" cy="5" rx="9" ry="3" />
      <path d="M3 5v14c0 1.7 4 3 9 3s9-1.3 9-3V5M3 12c0 1.7 4 3 9 3s9-1.3 9-3" />
    </>
  ),
  eye: (
    <>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
};

/**
 * The icon of a node kind, by the catalog's icon name; a plain box for a name it does not know.
 * Not clipped (`overflow="visible"`; the glyphs stay inside the viewBox): an SVG root's default
 * clip is a property-tree node per icon, and on a 150-node live canvas it doubled the paint of
 * each metrics update (bench/README.md).
 */
export function NodeIcon({ name, className = 'h-4 w-4' }: { name: string; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" overflow="visible" className={className}>
      {GLYPHS[name] ?? <rect x="4" y="4" width="16" height="16" rx="3" />}
    </svg>
  );
}

/** Accent colours per category, shared by the palette and the nodes. */
export const CATEGORY_ACCENTS: Record<string, { icon: string; bar: string }> = {
  source: { icon: 'bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300', bar: 'bg-sky-500' },
  transform: { icon: 'bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300', bar: 'bg-violet-500' },
  window: { icon: 'bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300', bar: 'bg-amber-500' },
  join: { icon: 'bg-fuchsia-100 text-fuchsia-700 dark:bg-fuchsia-950 dark:text-fuchsia-300', bar: 'bg-fuchsia-500' },
  sink: { icon: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300', bar: 'bg-emerald-500' },
};
