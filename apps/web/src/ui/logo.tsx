/** Weir's mark: water flowing over a weir's crest. */
export function Logo({ className = 'h-7 w-7' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" className="fill-cyan-700 dark:fill-cyan-600" />
      <path d="M6 13c3.3-3 6.7-3 10 0s6.7 3 10 0" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
      <path d="M6 20c3.3-3 6.7-3 10 0s6.7 3 10 0" fill="none" stroke="#a5f3fc" strokeWidth="2.6" strokeLinecap="round" />
      <rect x="5" y="24" width="22" height="3" rx="1.5" fill="#fff" />
    </svg>
  );
}
