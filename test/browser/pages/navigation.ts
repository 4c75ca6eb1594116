/** Page model for the main navigation: the bottom bar on a phone, the side on a laptop. */
import type { Page } from 'playwright-core';

export class NavigationModel {
  constructor(private readonly page: Page) {}

  private get nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async waitShown(): Promise<void> {
    await this.nav.waitFor();
  }

  /** Taps a place in the navigation ("Plan", "People", …). */
  async go(place: string): Promise<void> {
    await this.nav.getByRole('link', { name: place }).click();
  }

  /** The places reached by pressing Tab from the top of the page, in order, each once. */
  async tabThrough(): Promise<string[]> {
    await this.page.locator('body').focus();
    const reached: string[] = [];
    for (let i = 0; i < 30; i++) {
      await this.page.keyboard.press('Tab');
      const name = await this.page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('nav[aria-label="Main"]') ? (el.textContent ?? '').trim() : null;
      });
      if (name !== null && !reached.includes(name)) reached.push(name);
    }
    return reached;
  }

  /** Focuses a place's link and presses Enter. */
  async goWithKeyboard(place: string): Promise<void> {
    await this.nav.getByRole('link', { name: place }).focus();
    await this.page.keyboard.press('Enter');
  }

  /** Whether the navigation marks this place as the current one (aria-current). */
  async isCurrent(place: string): Promise<boolean> {
    return (await this.nav.getByRole('link', { name: place }).getAttribute('aria-current')) === 'page';
  }
}
