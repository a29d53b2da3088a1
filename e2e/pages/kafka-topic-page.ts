import { expect, type Locator, type Page } from '@playwright/test';

/** /kafka/:cluster/topics/:topic — the topic's figures, tabs, message browser, tail and search. */
export class KafkaTopicPage {
  readonly heading: Locator;
  readonly produceButton: Locator;
  readonly deleteButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.produceButton = page.getByRole('button', { name: 'Produce', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
  }

  async open(topic: string, cluster = 'default'): Promise<void> {
    await this.page.goto(`/kafka/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`);
    await expect(this.heading).toHaveText(topic);
  }

  mode(name: 'Browse' | 'Live tail' | 'Search'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** Rows of one of the message tables ("Messages", "Live tail", "Search results"). */
  rows(table: 'Messages' | 'Live tail' | 'Search results'): Locator {
    return this.page.getByRole('table', { name: table, exact: true }).locator('tbody tr[data-offset]');
  }

  async produce(message: { key: string; value: string }): Promise<void> {
    await this.produceButton.click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Key', { exact: true }).fill(message.key);
    await dialog.getByLabel('Value', { exact: true }).fill(message.value);
    await dialog.getByRole('button', { name: 'Produce', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async readNewest(): Promise<void> {
    await this.mode('Browse').click();
    await this.page.getByRole('form', { name: 'Browse messages' }).getByRole('button', { name: 'Read' }).click();
  }

  get tailStats(): Locator {
    return this.page.getByTestId('tail-stats');
  }

  get searchProgress(): Locator {
    return this.page.getByTestId('search-progress');
  }

  async search(expression: string): Promise<void> {
    await this.mode('Search').click();
    await this.page.getByLabel('Filter expression').fill(expression);
    // The expression is type-checked as it is typed; the fields list shows once it has been.
    await expect(this.page.getByTestId('search-fields')).toBeVisible();
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
  }
}
