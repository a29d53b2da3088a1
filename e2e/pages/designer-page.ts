import { expect, type Locator, type Page } from '@playwright/test';

/** The pipeline designer (/pipelines/new, /pipelines/:id): palette, canvas, config panel, bottom panel. */
export class DesignerPage {
  readonly palette: Locator;
  readonly pane: Locator;
  readonly config: Locator;
  readonly toolbar: Locator;
  readonly problemsTab: Locator;
  readonly sqlTab: Locator;
  readonly bottom: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('complementary', { name: 'Node palette' });
    this.pane = page.locator('.react-flow__pane');
    this.config = page.getByRole('complementary', { name: 'Configuration' });
    this.toolbar = page.getByRole('toolbar', { name: 'Pipeline editor' });
    this.problemsTab = page.getByRole('tab', { name: /Problems/ });
    this.sqlTab = page.getByRole('tab', { name: 'Flink SQL' });
    this.bottom = page.getByRole('region', { name: 'Problems and SQL' });
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** The problem count badge on a node. */
  problemBadge(id: string): Locator {
    return this.node(id).getByRole('img', { name: /\d+ problems?/ });
  }

  /** A config control by its path inside the node's config (`['aggregates', 0, 'fn']`). */
  field(nodeId: string, path: readonly (string | number)[]): Locator {
    return this.page.locator(`#cfg-${nodeId}-${path.join('-')}`);
  }

  /** Drags a kind from the palette onto the canvas, centred at (x, y) of the canvas. */
  async dragKind(label: string, x: number, y: number): Promise<void> {
    await this.palette.getByRole('button', { name: `Add ${label}` }).dragTo(this.pane, { targetPosition: { x, y } });
  }

  /** Draws an edge by dragging from one node's output handle to another node's input handle. */
  async connect(from: string, to: string, port = 'in'): Promise<void> {
    const source = this.node(from).locator('.react-flow__handle.source');
    const target = this.node(to).locator(`.react-flow__handle[data-handleid="${port}"]`);
    const a = await source.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error(`cannot see the handles of ${from} or ${to}`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /**
   * 'one row, left to right' when the nodes share a centre line and follow each other, else
   * their boxes [x, y, width, height]. The centre, not the top: nodes differ in height (a
   * running job's live metrics make its nodes taller than a node added since), and the
   * layout lines them up on their middles.
   */
  async rowOrder(ids: readonly string[]): Promise<string> {
    const boxes = await Promise.all(ids.map((id) => this.node(id).boundingBox()));
    const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
    const ok = boxes.every((b, i) => b && Math.abs(middle(b) - middle(boxes[0]!)) < 2 && (i === 0 || b.x > boxes[i - 1]!.x + boxes[i - 1]!.width));
    return ok ? 'one row, left to right' : JSON.stringify(boxes.map((b) => b && [b.x, b.y, b.width, b.height].map(Math.round)));
  }

  edge(from: string, to: string, port?: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${from}->${to}${port ? `:${port}` : ''}"]`);
  }

  async select(id: string): Promise<void> {
    await this.node(id).locator('p').first().click();
    await expect(this.config.getByLabel('Id', { exact: true })).toHaveValue(id);
  }

  /** Clicks empty canvas: nothing selected, the panel shows the pipeline settings. */
  async deselect(): Promise<void> {
    const box = await this.pane.boundingBox();
    if (!box) throw new Error('no canvas');
    await this.page.mouse.click(box.x + 12, box.y + box.height - 12);
    await expect(this.config.getByRole('heading', { name: 'Pipeline' })).toBeVisible();
  }

  async tool(name: string): Promise<void> {
    await this.toolbar.getByRole('button', { name, exact: true }).click();
  }

  saveStatus(): Locator {
    return this.toolbar.getByRole('status');
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('[role="status"], [role="alert"]').filter({ hasText: text }).first();
  }
}
