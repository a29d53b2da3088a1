import { expect, type Locator, type Page } from '@playwright/test';

/** /kafka/:cluster/groups/:group — lag chart, offsets, and the reset-offsets dialog. */
export class KafkaGroupPage {
  readonly heading: Locator;
  readonly resetButton: Locator;
  readonly offsets: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.resetButton = page.getByRole('button', { name: 'Reset offsets' });
    this.offsets = page.getByRole('table', { name: 'Group offsets' });
    this.chart = page.getByRole('img', { name: /^Lag of / });
  }

  async open(group: string, cluster = 'default'): Promise<void> {
    await this.page.goto(`/kafka/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(group)}`);
    await expect(this.heading).toHaveText(group);
  }

  /** The committed offsets column, in table order. */
  committed(): Locator {
    return this.offsets.locator('tbody tr td:nth-child(3)');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  preview(): Locator {
    return this.dialog.getByRole('table', { name: 'Reset preview' });
  }
}
