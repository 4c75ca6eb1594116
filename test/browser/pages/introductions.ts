/** Page model for introductions on a person's page: suggested, started, made, drafted. */
import type { Locator, Page } from 'playwright-core';

export interface DraftedMessage {
  heading: string;
  subject: string;
  body: string;
  href: string;
}

export class IntroductionsModel {
  constructor(private readonly page: Page) {}

  private get panel(): Locator {
    return this.page.getByTestId('person-introductions');
  }

  /** Waits until suggestions have been worked out for this page (they are, once it has painted). */
  async suggestionsReady(): Promise<void> {
    await this.page.locator('[data-testid="person-introductions"][data-suggestions-ready="yes"]').waitFor();
  }

  /** The other person of each suggested introduction, best first. */
  async suggested(): Promise<string[]> {
    return this.panel
      .getByTestId('introduction-suggestions')
      .getByTestId('suggestion')
      .locator('.suggestion-name')
      .allTextContents();
  }

  async reasonFor(name: string): Promise<string> {
    return (
      (await this.panel
        .getByTestId('suggestion')
        .filter({ hasText: name })
        .locator('.suggestion-reason')
        .textContent()) ?? ''
    );
  }

  /** On the Map: the pairs under "Introductions you could make", as "A and B". */
  async onMap(): Promise<string[]> {
    return this.page.getByTestId('hub-introductions').locator('.suggestion-name').allTextContents();
  }

  /** On the Map: Introduce, which opens the first person's page with the messages ready. */
  async introduceFromMap(a: string, b: string): Promise<void> {
    await this.page
      .getByTestId('hub-introductions')
      .getByRole('button', { name: `Introduce ${a} to ${b}` })
      .click();
    await this.page.getByRole('heading', { name: a, level: 1 }).waitFor();
  }

  async introduce(a: string, b: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Introduce ${a} to ${b}` }).click();
  }

  async dismiss(a: string, b: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Dismiss introducing ${a} to ${b}` }).click();
  }

  /** The introductions recorded with this person, as their sentences. */
  async recorded(): Promise<string[]> {
    return this.panel.getByTestId('introduction').locator('.intro-sentence').allTextContents();
  }

  async dates(sentence: string): Promise<string> {
    return (await this.item(sentence).locator('.intro-dates').textContent()) ?? '';
  }

  private item(sentence: string): Locator {
    return this.panel
      .getByTestId('introduction')
      .filter({ has: this.page.locator('.intro-sentence', { hasText: sentence }) });
  }

  async markMade(sentence: string): Promise<void> {
    await this.item(sentence)
      .getByRole('button', { name: `Mark as made: ${sentence}` })
      .click();
  }

  async setOutcome(sentence: string, label: string): Promise<void> {
    await this.item(sentence).getByLabel('How did it go?').selectOption({ label });
  }

  /** Takes the follow-up with both sides offered once made. */
  async planFollowUp(): Promise<void> {
    await this.panel.getByTestId('introduction-follow-up').getByRole('button', { name: 'Plan follow-up' }).click();
  }

  async messages(): Promise<DraftedMessage[]> {
    const out: DraftedMessage[] = [];
    for (const m of await this.panel.getByTestId('intro-message').all()) {
      out.push({
        heading: ((await m.locator('h3').textContent()) ?? '').trim(),
        subject: await m.getByLabel('Subject', { exact: true }).inputValue(),
        body: await m.getByLabel('Message', { exact: true }).inputValue(),
        href: (await m.getByRole('link', { name: /in your mail app/ }).getAttribute('href')) ?? '',
      });
    }
    return out;
  }

  async editMessage(step: number, body: string): Promise<void> {
    await this.panel
      .getByTestId('intro-message')
      .nth(step - 1)
      .getByLabel('Message', { exact: true })
      .fill(body);
  }
}
