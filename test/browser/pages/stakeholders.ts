/** Page model for the stakeholder grid: who matters how much, placed by keyboard or by hand. */
import type { Locator } from 'playwright-core';
import { Place } from './place.ts';

export class StakeholdersModel extends Place {
  async open(objective?: string): Promise<void> {
    await this.app.goto('/stakeholders');
    await this.page.getByRole('heading', { name: 'Stakeholders', level: 1 }).waitFor();
    if (objective) await this.page.getByLabel('For', { exact: true }).selectOption({ label: objective });
  }

  async addToGrid(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${name} to the grid` }).click();
    await this.chip(name).waitFor();
  }

  /** With an objective chosen: links a person to it as someone who can help. */
  async linkToObjective(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a person to it' }).click();
    await this.page.getByLabel('Find a person').fill(name);
    await this.page.getByRole('button', { name: `Link ${name}` }).click();
    await this.page.getByRole('button', { name: `Add ${name} to the grid` }).waitFor();
  }

  async isOffTheGrid(name: string): Promise<boolean> {
    return (
      (await this.chip(name).count()) === 0 &&
      (await this.page.getByRole('button', { name: `Add ${name} to the grid` }).count()) === 1
    );
  }

  private chip(name: string): Locator {
    return this.page.getByTestId('stake-chip').filter({ hasText: name });
  }

  /** Focuses the person's chip on the grid and moves it with the arrow keys. */
  async placeByKeyboard(name: string, keys: string[]): Promise<void> {
    const chip = this.chip(name);
    await chip.focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async quadrantOf(name: string): Promise<string | null> {
    return this.chip(name).getAttribute('data-quadrant');
  }

  async announcement(): Promise<string> {
    return (await this.page.getByTestId('stake-announce').textContent()) ?? '';
  }

  async setSuggestedCadence(quadrantLabel: string): Promise<void> {
    await this.page
      .getByTestId('quadrant')
      .filter({ hasText: quadrantLabel })
      .getByRole('button', { name: /^Set keep-in-touch/ })
      .click();
  }

  async quadrantText(quadrantLabel: string): Promise<string> {
    return (await this.page.getByTestId('quadrant').filter({ hasText: quadrantLabel }).textContent()) ?? '';
  }
}
