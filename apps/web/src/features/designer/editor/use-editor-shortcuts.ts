import { useEffect, useRef } from 'react';
import { matchShortcut, worksInTextFields, type ShortcutAction } from '../shortcuts/shortcuts';

/** True for elements that own their keys: text inputs, selects, text areas, editable content. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/**
 * The editor's keyboard shortcuts, on the window while the editor is open. In a text field
 * only Save applies; elsewhere, Ctrl-C with text selected is left to the browser.
 */
export function useEditorShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>, enabled = true): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const action = matchShortcut(e);
      if (!action) return;
      if (isTextField(e.target) && !worksInTextFields(action)) return;
      // A dialog on top (templates, import, deploy) has the keys to itself.
      if (document.querySelector('dialog[open]')) return;
      if ((action === 'copy' || action === 'cut') && (window.getSelection()?.toString() ?? '') !== '') return;
      const handler = current.current[action];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
