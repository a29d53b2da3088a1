import { expect, type Locator, type Page } from '@playwright/test';

export const NAV_ITEMS = ['Pipelines', 'Jobs', 'Kafka'] as const;
export type NavItem = (typeof NAV_ITEMS)[number];

/** The frame around every page: top bar (logo, health, theme) and the main navigation. */
export class AppShell {
  readonly nav: Locator;
  readonly health: Locator;
  readonly themeToggle: Locator;
  readonly heading: Locator;
  /** Content-Security-Policy violations and other console errors seen so far. */
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.health = page.getByRole('banner').getByRole('status');
    this.themeToggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
    this.heading = page.getByRole('heading', { level: 1 });
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(e.message));
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.nav).toBeVisible();
  }

  navLink(item: NavItem): Locator {
    return this.nav.getByRole('link', { name: item, exact: true });
  }

  async navigateTo(item: NavItem): Promise<void> {
    await this.navLink(item).click();
    await expect(this.heading).toHaveText(item);
  }

  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('dark'));
  }
}
