/** Page model for the first run: five steps, each can be skipped. */
import { Place } from './place.ts';

export class WelcomeModel extends Place {
  async waitShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Welcome to Rapport', level: 1 }).waitFor();
  }

  async step(): Promise<string> {
    return (await this.page.getByTestId('welcome-step').textContent()) ?? '';
  }

  async skipStep(): Promise<void> {
    await this.page.getByRole('button', { name: /^Skip this step$|^Skip and go to Today$/ }).click();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: /^Next$|^Finish and go to Today$/ }).click();
  }

  async addObjective(title: string): Promise<void> {
    await this.page.getByLabel('Something you want').fill(title);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await this.page.locator('.chip').filter({ hasText: title }).waitFor();
  }

  /** Types into a step's field without pressing Add, as people do before pressing Next. */
  async type(label: string, text: string): Promise<void> {
    await this.page.getByLabel(label).fill(text);
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back', exact: true }).click();
  }

  /** What the current step lists as added. */
  async added(): Promise<string[]> {
    return this.page.locator('.welcome-card .chip').allTextContents();
  }

  async planFirstAction(): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan this as a first action' }).first().click();
    await this.page.getByRole('status').filter({ hasText: 'Planned:' }).first().waitFor();
  }
}
