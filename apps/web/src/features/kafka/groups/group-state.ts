import type { BadgeTone } from '../../../ui/badge';

/** Stable groups are well; rebalancing ones are between states; empty and dead ones read nothing. */
export function stateTone(state: string): BadgeTone {
  if (state === 'Stable') return 'ok';
  if (state === 'PreparingRebalance' || state === 'CompletingRebalance' || state === 'Assigning' || state === 'Reconciling') return 'warn';
  if (state === 'Dead') return 'error';
  return 'neutral';
}
