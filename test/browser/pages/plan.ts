/** Page models for the plan: objectives and offers, gaps, and actions. */
import type { Locator } from 'playwright-core';
import type { App } from './app.ts';
import { Place } from './place.ts';

export class PlanModel extends Place {
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await this.page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
  }

  async addObjective(o: { title: string; kind?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an objective' });
    await form.getByLabel('New objective').fill(o.title);
    if (o.kind) await form.getByLabel('Kind').selectOption({ label: o.kind });
    await form.getByRole('button', { name: 'Add objective' }).click();
    await this.page.getByTestId('objective').filter({ hasText: o.title }).waitFor();
  }

  async addOffer(o: { title: string; kind?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an offer' });
    await form.getByLabel('New offer').fill(o.title);
    if (o.kind) await form.getByLabel('Kind').selectOption({ label: o.kind });
    await form.getByRole('button', { name: 'Add offer' }).click();
    await this.page.getByTestId('offer').filter({ hasText: o.title }).waitFor();
  }

  /**
   * A gap, found by words of its sentence (a title, a name) and, since the
   * rules' wording may change, optionally by its kind ('objective-uncovered').
   */
  gap(text: string, kind?: string): GapModel {
    const gaps = kind ? this.page.locator(`[data-testid="gap"][data-kind="${kind}"]`) : this.page.getByTestId('gap');
    return new GapModel(this.app, gaps.filter({ hasText: text }));
  }

  /** Waits while the plan says it is finding the gaps (it shows its frame first, the gaps a moment later). */
  async waitForGaps(): Promise<void> {
    await this.page.locator('[data-testid="gaps"]:not([aria-busy="true"])').waitFor();
  }

  async gapKinds(): Promise<string[]> {
    await this.waitForGaps();
    return this.page.getByTestId('gap').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  }

  async gapSentences(): Promise<string[]> {
    await this.waitForGaps();
    return (await this.page.getByTestId('gap').locator('p').allTextContents()).map((t) => t.trim());
  }

  async closedGapsNote(): Promise<string> {
    return (
      (await this.page
        .getByTestId('gaps')
        .getByRole('button', { name: /closed by/ })
        .textContent()) ?? ''
    );
  }

  /** Opens the list of gaps closed by done actions. */
  async showClosedGaps(): Promise<void> {
    await this.page
      .getByTestId('gaps')
      .getByRole('button', { name: /closed by/ })
      .click();
  }

  /** The closed gaps, as listed once shown. */
  async closedGaps(): Promise<string> {
    return (await this.page.getByTestId('closed-gap').textContent()) ?? '';
  }

  async waitForObjective(title: string): Promise<void> {
    await this.page.getByTestId('objective').filter({ hasText: title }).waitFor();
  }

  async objectiveTitles(): Promise<string[]> {
    return this.page.getByTestId('objective').locator('h3').allTextContents();
  }

  async actionTitles(): Promise<string[]> {
    // Step 5 is listed just after the page's first paint.
    await this.page.locator('[data-testid="actions"]:not([aria-busy="true"])').waitFor();
    return this.page.getByTestId('action').locator('h3').allTextContents();
  }

  action(title: string): ActionModel {
    return new ActionModel(this.app, this.page.getByTestId('action').filter({ hasText: title }));
  }

  /** Adds a hand-written action, as typed in step 5. */
  async addAction(title: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an action' });
    await form.getByLabel('New action').fill(title);
    await form.getByRole('button', { name: 'Add action' }).click();
    await this.action(title).waitShown();
  }

  private objective(title: string): Locator {
    return this.page.getByTestId('objective').filter({ has: this.page.locator('h3', { hasText: title }) });
  }

  /** The people suggested under an objective, by name, once suggestions are in. */
  async suggestedFor(objective: string): Promise<string[]> {
    return this.objective(objective).getByTestId('suggestion').locator('.suggestion-name').allTextContents();
  }

  /** The reason shown for one suggestion. */
  async reasonFor(name: string, objective: string): Promise<string> {
    return (
      (await this.objective(objective)
        .getByTestId('suggestion')
        .filter({ hasText: name })
        .locator('.suggestion-reason')
        .textContent()) ?? ''
    );
  }

  /** One tap on Accept under the objective. */
  async acceptSuggestion(name: string, objective: string): Promise<void> {
    await this.objective(objective)
      .getByRole('button', { name: `Accept: ${name} can help with ${objective}` })
      .click();
  }

  async dismissSuggestion(name: string, objective: string): Promise<void> {
    await this.objective(objective)
      .getByRole('button', { name: `Dismiss ${name} for ${objective}` })
      .click();
  }

  /** The names under "Can help" for an objective. */
  async helpersOf(objective: string): Promise<string[]> {
    return this.objective(objective).locator('.helpers .chip').allTextContents();
  }

  /** Undo from the toast showing now. */
  async undoFromToast(): Promise<void> {
    await this.page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  }
}

export class GapModel extends Place {
  constructor(
    app: App,
    private readonly locator: Locator,
  ) {
    super(app);
  }

  async waitShown(): Promise<void> {
    await this.locator.first().waitFor();
  }

  async waitGone(): Promise<void> {
    await this.locator.first().waitFor({ state: 'detached' });
  }

  async isPlanned(): Promise<boolean> {
    return (await this.locator.first().getAttribute('data-status')) === 'planned';
  }

  /** Plans the action the gap suggests, and waits for it to be shown in the plan. */
  async planAction(): Promise<void> {
    await this.locator.first().getByRole('button', { name: 'Plan an action' }).click();
    await this.locator.first().filter({ hasText: 'Planned:' }).waitFor();
  }

  /** Whom "Plan an action" would plan it with, as the picker shows it. */
  async proposedHelper(): Promise<string> {
    const select = this.locator.first().getByLabel('with', { exact: true });
    return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  }

  /** Chooses whom to plan the action with (a name as listed, or "Nobody yet"). */
  async planWith(label: string | RegExp): Promise<void> {
    const select = this.locator.first().getByLabel('with', { exact: true });
    const options = await select.locator('option').allTextContents();
    const found = options.find((o) => (typeof label === 'string' ? o === label : label.test(o)));
    if (!found) throw new Error(`No “${String(label)}” among ${options.join(', ')}`);
    await select.selectOption({ label: found });
  }

  /** The sentence as read, with what the suggestions add to it. */
  async sentence(): Promise<string> {
    return ((await this.locator.first().locator('p').first().textContent()) ?? '').trim();
  }

  /** Says that `name` can help with the gap's objective, through the gap's picker. */
  async linkPerson(name: string): Promise<void> {
    await this.locator.first().getByRole('button', { name: 'Link a person' }).click();
    await this.page.getByLabel('Find a person').fill(name);
    await this.page.getByRole('button', { name: `Link ${name}` }).click();
  }
}

export class ActionModel extends Place {
  constructor(
    app: App,
    private readonly locator: Locator,
  ) {
    super(app);
  }

  async waitShown(): Promise<void> {
    await this.locator.first().waitFor();
  }

  async markDone(): Promise<void> {
    await this.locator
      .first()
      .getByRole('button', { name: /^Mark done/ })
      .click();
  }

  async status(): Promise<string | null> {
    return this.locator.first().getAttribute('data-status');
  }

  /** What the action is tied to, as its line says ("for “…” · with …"). */
  async about(): Promise<string> {
    return ((await this.locator.first().locator('.meta').textContent()) ?? '').trim();
  }

  /** Opens the editor and ties the action to an objective. */
  async tieToObjective(title: string): Promise<void> {
    const item = this.locator.first();
    const edit = item.getByRole('button', { name: /^Edit / });
    if ((await edit.getAttribute('aria-expanded')) !== 'true') await edit.click();
    await item.getByLabel('For the objective').selectOption({ label: title });
    await item.locator('.meta').filter({ hasText: title }).waitFor();
  }
}
