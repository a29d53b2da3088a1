/** The editor's keyboard shortcuts: one list drives both the key handling and the help dialog. */
export type ShortcutAction = 'undo' | 'redo' | 'copy' | 'cut' | 'paste' | 'delete' | 'selectAll' | 'deselect' | 'save' | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** Key combinations as shown to people; `Mod` is Ctrl (⌘ on a Mac). */
  keys: readonly string[];
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'undo', keys: ['Mod+Z'], description: 'Undo' },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], description: 'Redo' },
  { action: 'copy', keys: ['Mod+C'], description: 'Copy the selected nodes' },
  { action: 'cut', keys: ['Mod+X'], description: 'Cut the selected nodes' },
  { action: 'paste', keys: ['Mod+V'], description: 'Paste copies with new ids' },
  { action: 'delete', keys: ['Delete', 'Backspace'], description: 'Delete the selection' },
  { action: 'selectAll', keys: ['Mod+A'], description: 'Select all nodes and edges' },
  { action: 'deselect', keys: ['Escape'], description: 'Clear the selection' },
  { action: 'save', keys: ['Mod+S'], description: 'Save a new version' },
  { action: 'help', keys: ['?'], description: 'Show these shortcuts' },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press stands for, or null. */
export function matchShortcut(e: KeyPress): ShortcutAction | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (e.shiftKey) return null;
    return ({ y: 'redo', c: 'copy', x: 'cut', v: 'paste', a: 'selectAll', s: 'save' } as Record<string, ShortcutAction>)[key] ?? null;
  }
  if (e.key === 'Delete' || e.key === 'Backspace') return 'delete';
  if (e.key === 'Escape') return 'deselect';
  if (e.key === '?') return 'help';
  return null;
}

/** Actions that still apply while typing in a field; the rest belong to the field (its own undo, copy, delete). */
export function worksInTextFields(action: ShortcutAction): boolean {
  return action === 'save';
}

/** "Mod+Shift+Z" as shown on this platform. */
export function displayKeys(keys: string, mac: boolean): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl');
}
