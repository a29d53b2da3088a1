import { expect, type Locator, type Page } from '@playwright/test';

/** /kafka: the cluster overview. */
export class KafkaPage {
  readonly overview: Locator;
  readonly topics: Locator;
  readonly refresh: Locator;

  constructor(readonly page: Page) {
    this.overview = page.getByLabel('Cluster overview', { exact: true });
    this.topics = page.getByRole('table', { name: 'Topics' });
    this.refresh = page.getByRole('button', { name: 'Refresh cluster overview' });
  }

  /** The figure under one overview label (Brokers, Controller, Topics). */
  stat(label: 'Brokers' | 'Controller' | 'Topics'): Locator {
    return this.overview.locator('div').filter({ has: this.page.getByText(label, { exact: true }) }).locator('dd');
  }

  topicRow(name: string): Locator {
    return this.topics.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.overview).toBeVisible();
  }

  /** Creates a topic through the dialog; the app then opens the topic's page. */
  async createTopic(name: string, partitions: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Create topic' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Partitions', { exact: true }).fill(String(partitions));
    await dialog.getByRole('button', { name: 'Create topic' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(name);
  }
}
