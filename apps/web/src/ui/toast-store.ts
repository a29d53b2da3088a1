import { create } from 'zustand';

export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message?: string;
  /** An in-app link offered with the toast (e.g. "Open the job"). */
  link?: { label: string; to: string };
}

interface ToastState {
  toasts: readonly Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

// Long enough to read two lines; errors stay longer because they ask for action.
const LIFETIME_MS: Record<ToastTone, number> = { info: 4000, success: 5000, error: 9000 };
let nextId = 1;

/** Short-lived notices in the corner of the screen (saved, refused connection, deploy started). */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), LIFETIME_MS[toast.tone]);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export function toast(t: Omit<Toast, 'id'>): number {
  return useToasts.getState().push(t);
}
