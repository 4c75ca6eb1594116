/** Page model for Give and take: what was given, received or promised, with whom. */
import { Place } from './place.ts';

export class GiveAndTakeModel extends Place {
  async open(): Promise<void> {
    await this.app.goto('/give-and-take');
    await this.page.getByRole('heading', { name: 'Give and take', level: 1 }).waitFor();
  }

  /** Records an entry as a person does: types part of a name, picks the person, says what. */
  async record(entry: {
    typed: string;
    person: string;
    direction: 'I gave' | 'I received';
    what: string;
  }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Record give or take' });
    await form.getByLabel('Person', { exact: true }).fill(entry.typed);
    await form
      .getByRole('list', { name: 'Matches for Person' })
      .getByRole('button', { name: new RegExp(`^${entry.person}`) })
      .click();
    await form.getByLabel(entry.direction).check();
    await form.getByLabel('What').fill(entry.what);
    await form.getByRole('button', { name: 'Record' }).click();
  }

  /** The texts of every option of the form's selects: a select of every person would show here. */
  async optionsInForm(): Promise<string[]> {
    return this.page.getByRole('form', { name: 'Record give or take' }).locator('option').allTextContents();
  }

  async entries(): Promise<string[]> {
    return (await this.page.getByTestId('ledger-entry').locator('.entry-line').allTextContents()).map((t) => t.trim());
  }
}
