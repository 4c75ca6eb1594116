/** Page models for the everyday habits: logging, event mode, Today, duplicates. */
import type { App } from './app.ts';
import { inView } from './in-view.ts';

export class InteractionLogModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  /** From a person's page: one tap to open, type, one tap to save. */
  async log(entry: {
    channel?: string;
    notes?: string;
    learned?: string;
    shared?: string;
    followUpOn?: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = this.page.getByRole('dialog');
    if (entry.channel) await dialog.getByText(entry.channel, { exact: true }).click();
    if (entry.notes) await dialog.getByLabel('Notes').fill(entry.notes);
    if (entry.learned) await dialog.getByLabel('What I learned about them').fill(entry.learned);
    if (entry.shared) await dialog.getByLabel('What I shared about me').fill(entry.shared);
    if (entry.followUpOn) {
      await dialog.getByText('Follow up on a particular day').click();
      await dialog.getByLabel('Follow-up date').fill(entry.followUpOn);
    }
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  private get sheet() {
    return this.page.getByRole('dialog');
  }

  /** Taps into Notes in the open sheet (on a phone, the on-screen keyboard comes up). */
  async tapNotes(): Promise<void> {
    await this.sheet.getByLabel('Notes').click();
  }

  async typeNotes(text: string): Promise<void> {
    await this.sheet.getByLabel('Notes').fill(text);
  }

  /** Whether a part of the open sheet is on screen without scrolling. */
  async inView(part: 'Save' | 'Cancel' | 'Notes'): Promise<boolean> {
    return inView(
      this.page,
      part === 'Notes' ? this.sheet.getByLabel('Notes') : this.sheet.getByRole('button', { name: part, exact: true }),
    );
  }

  /** Saves the open sheet and waits for it to close. */
  async save(): Promise<void> {
    await this.sheet.getByRole('button', { name: 'Save', exact: true }).click();
    await this.sheet.waitFor({ state: 'hidden' });
  }

  async timeline(): Promise<string[]> {
    return this.page.getByTestId('interaction').allTextContents();
  }
}

export class CaptureModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Capture' }).click();
  }

  async startEvent(name: string, place: string): Promise<void> {
    await this.open();
    await this.page.getByLabel('Event').fill(name);
    await this.page.getByLabel('Place').fill(place);
    await this.page.getByRole('button', { name: 'Start capturing' }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /** A name, optionally one line, then Enter: nothing else. */
  async quickCapture(name: string, line?: string): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    if (line) await this.page.getByLabel('One line to remember them').fill(line);
    await this.page.getByLabel('Name', { exact: true }).press('Enter');
    await this.page.getByTestId('met-here').getByText(name, { exact: true }).waitFor();
  }

  async metHere(): Promise<string[]> {
    return this.page.getByTestId('met-here').getByRole('link').allTextContents();
  }

  /** Opens someone from "Met here". */
  async openMet(name: string): Promise<void> {
    await this.page.getByTestId('met-here').getByRole('link', { name }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /** Whether "Save and next" is on screen without scrolling. */
  async saveInView(): Promise<boolean> {
    return inView(this.page, this.page.getByRole('button', { name: 'Save and next' }));
  }
}

export type TodaySection = 'follow-ups' | 'promises' | 'keep-in-touch' | 'actions' | 'met-recently';

export class TodayModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await this.page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
  }

  /** Each row as a person reads it: who, when, and the line of context. */
  async items(section: TodaySection): Promise<string[]> {
    const rows = this.page.getByTestId(`today-${section}`).getByTestId('today-item');
    return (await rows.locator('.today-text').allInnerTexts()).map((t) => t.replace(/\s*\n\s*/g, ' | ').trim());
  }

  /** Whether Today shows this section at all (an empty one is not shown). */
  async shows(section: TodaySection): Promise<boolean> {
    return (await this.page.getByTestId(`today-${section}`).count()) > 0;
  }

  /** Opens a person from their row. */
  async openPerson(name: string): Promise<void> {
    await this.page.getByTestId('today-item').filter({ hasText: name }).getByRole('link').first().click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /** Who is anywhere on Today. */
  async everyone(): Promise<string[]> {
    return this.page.getByTestId('today-item').locator('.today-title').allTextContents();
  }

  async done(reasonContains: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^Done: .*${reasonContains}`) })
      .first()
      .click();
  }

  /** The row's ⋯ menu, then one of its actions. */
  private async fromMenu(title: string, action: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `More for ${title}`, exact: true })
      .first()
      .click();
    await this.page
      .getByRole('button', { name: new RegExp(`^${action}`) })
      .first()
      .click();
  }

  async snooze(title: string): Promise<void> {
    await this.fromMenu(title, 'Snooze');
    await this.page
      .getByText(/^Snoozed until/)
      .first()
      .waitFor();
  }

  /** Logs from Today, without leaving it; returns what the form said it would close. */
  async log(title: string, entry: { channel?: string; notes?: string } = {}): Promise<string[]> {
    await this.fromMenu(title, 'Log interaction');
    const dialog = this.page.getByRole('dialog');
    if (entry.channel) await dialog.getByText(entry.channel, { exact: true }).click();
    if (entry.notes) await dialog.getByLabel('Notes').fill(entry.notes);
    const closes = await dialog.getByTestId('log-closes').locator('label').allTextContents();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return closes.map((c) => c.trim());
  }
}

export class DuplicatesModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goto('/people/duplicates');
    await this.page.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
  }

  async pairs(): Promise<string[]> {
    return this.page.getByTestId('pair-sentence').allTextContents();
  }

  /** What each record of the first pair holds that the other lacks, as shown on its card. */
  async holdings(): Promise<string[]> {
    return (await this.page.getByTestId('duplicate-pair').first().getByTestId('record-holds').allTextContents()).map(
      (t) => t.trim(),
    );
  }

  /** The labels of the first pair's two "keep" buttons, as a screen reader says them. */
  async keepButtons(): Promise<string[]> {
    const buttons = this.page
      .getByTestId('duplicate-pair')
      .first()
      .getByRole('button', { name: /^Keep this record/ });
    return Promise.all((await buttons.all()).map((b) => b.getAttribute('aria-label').then((l) => l ?? '')));
  }

  /** Keeps the record of `name` (the first such record shown) and merges the other into it. */
  async mergeInto(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Keep this record: ${name},` })
      .first()
      .click();
  }

  async mergeAllSure(): Promise<void> {
    await this.page.getByRole('button', { name: /^Merge all \d+ sure match/ }).click();
  }

  async count(): Promise<string> {
    return (await this.page.getByTestId('duplicate-count').textContent()) ?? '';
  }

  async notTheSamePerson(): Promise<void> {
    await this.page.getByRole('button', { name: 'Not the same person' }).first().click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }
}
