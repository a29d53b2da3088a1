/** The Kafka console's form controls: one look for every select and input. */
export const CONTROL = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950';
