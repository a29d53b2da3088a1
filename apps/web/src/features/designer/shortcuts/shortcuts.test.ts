import { describe, expect, it } from 'vitest';
import { displayKeys, matchShortcut, SHORTCUTS, worksInTextFields, type KeyPress } from './shortcuts';

function press(key: string, mods: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('shortcuts', () => {
  it('maps Ctrl and ⌘ combinations to actions', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(press('y', { ctrlKey: true }))).toBe('redo');
    expect(matchShortcut(press('c', { metaKey: true }))).toBe('copy');
    expect(matchShortcut(press('v', { ctrlKey: true }))).toBe('paste');
    expect(matchShortcut(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(matchShortcut(press('s', { ctrlKey: true }))).toBe('save');
    expect(matchShortcut(press('x', { ctrlKey: true }))).toBe('cut');
  });

  it('maps plain keys, and ignores others and Alt', () => {
    expect(matchShortcut(press('Delete'))).toBe('delete');
    expect(matchShortcut(press('Backspace'))).toBe('delete');
    expect(matchShortcut(press('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(press('Escape'))).toBe('deselect');
    expect(matchShortcut(press('z'))).toBeNull();
    expect(matchShortcut(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchShortcut(press('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('documents every action it handles, and leaves text editing keys to text fields', () => {
    const documented = new Set(SHORTCUTS.map((s) => s.action));
    for (const action of ['undo', 'redo', 'copy', 'cut', 'paste', 'delete', 'selectAll', 'deselect', 'save', 'help'] as const) {
      expect(documented.has(action)).toBe(true);
    }
    expect(worksInTextFields('save')).toBe(true);
    expect(worksInTextFields('undo')).toBe(false);
    expect(displayKeys('Mod+Shift+Z', true)).toBe('⌘+Shift+Z');
    expect(displayKeys('Mod+Z', false)).toBe('Ctrl+Z');
  });
});
