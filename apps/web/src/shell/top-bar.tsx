import { UserMenu } from '../features/auth/user-menu';
import { Link } from '../router/link';
import { Logo } from '../ui/logo';
import { ThemeToggle } from '../ui/theme-toggle';
import { HealthIndicator } from './health-indicator';

export function TopBar() {
  return (
    <header className="flex h-14 shrink-0 items-center justify-between border-b border-slate-200 bg-white/80 px-4 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
      <Link to="/pipelines" className="flex items-center gap-2.5 rounded-md focus-visible:outline-2 focus-visible:outline-cyan-600" aria-label="Weir home">
        <Logo />
        <span className="text-lg font-semibold tracking-tight">Weir</span>
      </Link>
      <div className="flex items-center gap-3">
        <HealthIndicator />
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
