import { Dialog } from '../../../ui/dialog';
import { displayKeys, SHORTCUTS } from './shortcuts';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The `?` help: every shortcut of the editor, plus the mouse gestures of the canvas. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="md">
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td className="py-2 text-slate-700 dark:text-slate-200">{s.description}</td>
              <td className="py-2 text-right">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="mx-1 text-xs text-slate-400">or</span>}
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{displayKeys(k, MAC)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mt-5 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">On the canvas</h3>
      <ul className="space-y-1 text-sm text-slate-600 dark:text-slate-300">
        <li>Drag from a node’s right handle to another node’s left handle to connect them.</li>
        <li>Shift-drag to select an area; Ctrl-click (⌘-click) to add to the selection.</li>
        <li>Drag the background to pan; scroll or pinch to zoom; arrow keys move selected nodes.</li>
      </ul>
    </Dialog>
  );
}
