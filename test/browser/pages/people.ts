/** Page models for People, a person's page and the Trash. */
import fs from 'node:fs';
import type { App } from './app.ts';
import { inView } from './in-view.ts';
import { IntroductionsModel } from './introductions.ts';

export class PeopleModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await this.page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  }

  async add(person: { name: string; organisation?: string; role?: string }): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Add person' }).first().click();
    await this.page.getByLabel('Name', { exact: true }).fill(person.name);
    if (person.organisation) await this.page.getByLabel('Organisation').fill(person.organisation);
    if (person.role) await this.page.getByLabel('Role').fill(person.role);
    await this.page.getByRole('button', { name: 'Add person' }).last().click();
    await this.page.getByRole('heading', { name: person.name, level: 1 }).waitFor();
  }

  async search(query: string): Promise<void> {
    await this.page.getByLabel('Search people').fill(query);
  }

  async names(): Promise<string[]> {
    return this.page.getByTestId('person-row').locator('strong').allTextContents();
  }

  async openPerson(name: string): Promise<void> {
    await this.page.getByTestId('person-row').filter({ hasText: name }).first().click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  private get exportButton() {
    return this.page.getByRole('button', { name: /^Export / });
  }

  /** With a search showing someone: exports whom it shows as a vCard; returns the file the browser saved. */
  async exportShown(): Promise<{ filename: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return { filename: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
  }

  /** Waits until no export of a selection is offered (as with no search: nothing is selected). */
  async waitUntilNoExport(): Promise<void> {
    await this.exportButton.waitFor({ state: 'detached' });
  }

  /** On a phone: whether the list ends above the navigation bar rather than under it. */
  async listEndsAboveNavigation(): Promise<boolean> {
    const list = await this.page.getByTestId('people-list').boundingBox();
    const bar = await this.page.getByRole('navigation', { name: 'Main' }).boundingBox();
    return !!(list && bar && list.y + list.height <= bar.y);
  }
}

export class PersonModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  /** Details show as a list; a person taps "Edit details" to change one. */
  async startEditing(): Promise<void> {
    const edit = this.page.getByRole('button', { name: 'Edit details' });
    const done = this.page.getByRole('button', { name: 'Done editing' }).first();
    // The page may still be painting: wait for whichever of the two it shows.
    await edit.or(done).first().waitFor();
    if (await edit.isVisible()) await edit.click();
    await done.waitFor();
  }

  /** "Done editing": back to reading the details. */
  async doneEditing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Done editing' }).first().click();
  }

  async edit(field: string, value: string): Promise<void> {
    await this.startEditing();
    await this.page.getByLabel(field, { exact: true }).fill(value);
  }

  async value(field: string): Promise<string> {
    await this.startEditing();
    return this.page.getByLabel(field, { exact: true }).inputValue();
  }

  /** Types an email into the person's emails and presses Enter. */
  async addEmail(email: string): Promise<void> {
    await this.startEditing();
    const input = this.page.getByPlaceholder('Add email');
    await input.fill(email);
    await input.press('Enter');
  }

  /** Types an email without pressing Enter: a list field keeps the text until Enter or blur. */
  async typeEmail(email: string): Promise<void> {
    await this.startEditing();
    await this.page.getByPlaceholder('Add email').fill(email);
  }

  /** What is typed in the email field and not yet added. */
  async typedEmail(): Promise<string> {
    return this.page.getByPlaceholder('Add email').inputValue();
  }

  /** Waits for the person's email to show as a link, and returns where it leads. */
  async emailLink(email: string): Promise<string> {
    const link = this.page.getByRole('link', { name: email });
    await link.waitFor();
    return (await link.getAttribute('href')) ?? '';
  }

  /** What the page says went wrong (its alert), e.g. an email that is not one. */
  async problem(): Promise<string> {
    return (await this.page.getByRole('alert').textContent()) ?? '';
  }

  /** Types a phone number into the person's phones and presses Enter. */
  async addPhone(phone: string): Promise<void> {
    await this.startEditing();
    const input = this.page.getByPlaceholder('Add phone');
    await input.fill(phone);
    await input.press('Enter');
  }

  /** The details list as read, without editing: "Label: value" for each field that has one. */
  async details(): Promise<string[]> {
    const rows = this.page.getByTestId('details').locator('.detail');
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s*\n\s*/, ': ').trim());
  }

  /** The line under the name: role and organisation, or what was noted at capture. */
  async subtitle(): Promise<string | null> {
    return this.page.getByTestId('person-subtitle').textContent();
  }

  private get getInTouch() {
    return this.page.getByRole('group', { name: /^Get in touch with/ });
  }

  /** Whether a one-tap way to get in touch (a link by its name, a button by a pattern) is on screen without scrolling. */
  async inViewWithoutScrolling(action: string | RegExp): Promise<boolean> {
    return inView(
      this.page,
      this.getInTouch.getByRole(typeof action === 'string' ? 'link' : 'button', { name: action }),
    );
  }

  /** Whether the page offers a link by this name anywhere ("Call Mei Lin"). */
  async offersLink(name: string): Promise<boolean> {
    return (await this.page.getByRole('link', { name }).count()) > 0;
  }

  /** The glance at the top: the next follow-up and its Mark done. */
  async glance(): Promise<string | null> {
    return this.page.getByTestId('glance').textContent();
  }

  async glanceInView(): Promise<boolean> {
    return inView(this.page, this.page.getByTestId('glance'));
  }

  /** How many empty fields to type in are shown (none, while reading). */
  async inputsShown(): Promise<number> {
    return this.page
      .locator('main input:not([type=range]):not([type=checkbox]):visible, main textarea:visible, main select:visible')
      .count();
  }

  /** "Follow up with …", then when ("in a week"). */
  async followUp(name: string, when: string): Promise<void> {
    await this.page.getByRole('button', { name: `Follow up with ${name}`, exact: true }).click();
    await this.page.getByRole('button', { name: `Follow up with ${name} ${when}` }).click();
  }

  /** Starts logging an interaction from the one-tap actions under the name. */
  async startLog(): Promise<void> {
    await this.getInTouch.getByRole('button', { name: 'Log interaction' }).click();
  }

  /** Accepts an objective the page suggests this person can help with. */
  async acceptSuggestion(name: string, objective: string): Promise<void> {
    await this.page
      .getByTestId('person-suggestions')
      .getByRole('button', { name: `Accept: ${name} can help with ${objective}` })
      .click();
  }

  async moveToTrash(): Promise<void> {
    await this.page.getByRole('button', { name: 'Move to Trash' }).click();
  }

  get introductions(): IntroductionsModel {
    return new IntroductionsModel(this.page);
  }

  /** Give and take with this person, as each entry reads. */
  async giveAndTake(): Promise<string[]> {
    return (await this.page.getByRole('list', { name: 'Give and take' }).locator('li').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' ').replace(/ ×$/, '').trim(),
    );
  }

  async balance(): Promise<string> {
    return ((await this.page.getByTestId('balance').textContent()) ?? '').trim();
  }

  /** The objectives shown under "Can help with". */
  async canHelpWith(): Promise<string[]> {
    return this.page.getByTestId('can-help-with').locator('.chips .chip').allTextContents();
  }

  /** Give and take: "I promised …", due on a day or, without one, a week on. */
  async promise(what: string, dueOn?: string): Promise<void> {
    await this.page.getByText('Add what was given, received or promised').click();
    const form = this.page.getByRole('form', { name: 'Add to give and take' });
    await form.getByLabel('Status').selectOption('promised');
    await form.getByLabel('What').fill(what);
    if (dueOn) await form.getByLabel('By when (optional)').fill(dueOn);
    await form.getByRole('button', { name: 'Add entry' }).click();
    await this.page.getByRole('list', { name: 'Give and take' }).getByText(what).waitFor();
  }

  /** The back link at the top: where it says it goes, then follows it. */
  async back(): Promise<string> {
    const link = this.page.locator('.back-link');
    const label = ((await link.textContent()) ?? '').replace('←', '').trim();
    await link.click();
    return label;
  }
}

export class TrashModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goto('/trash');
    await this.page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
  }

  async items(): Promise<string[]> {
    return this.page.getByTestId('trash-item').locator('strong').allTextContents();
  }

  async restore(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Restore ${name}` }).click();
  }
}
