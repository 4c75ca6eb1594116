/** Page models for the installable app: what a person sees of updates, installing and storage. */
import type { Page } from 'playwright-core';

export class UpdatePromptModel {
  constructor(private readonly page: Page) {}

  private get region() {
    return this.page.getByTestId('update-prompt');
  }

  async waitUntilOffered(timeout = 20_000): Promise<void> {
    await this.region.filter({ hasText: 'Update available — reload' }).waitFor({ timeout });
  }

  async isOffered(): Promise<boolean> {
    return (await this.region.textContent())?.includes('Update available') ?? false;
  }

  /** Accepts with the keyboard alone: Tab from the top bar's first link to Reload, then Enter. */
  async acceptWithKeyboard(): Promise<void> {
    await this.page.getByRole('banner').getByRole('link').first().focus();
    for (let presses = 0; presses < 6; presses++) {
      await this.page.keyboard.press('Tab');
      const onReload = await this.page.evaluate(
        () =>
          document.activeElement?.textContent?.trim() === 'Reload' &&
          !!document.activeElement.closest('[data-testid="update-prompt"]'),
      );
      if (onReload) {
        await this.page.keyboard.press('Enter');
        return;
      }
    }
    throw new Error('Reload is not reachable with Tab from the top bar');
  }
}

export class InstallModel {
  constructor(private readonly page: Page) {}

  get button() {
    return this.page.getByRole('banner').getByRole('button', { name: 'Install app' });
  }

  /** What Chromium does when the app meets its install criteria (headless never offers it by itself). */
  async browserOffersInstall(outcome: 'accepted' | 'dismissed'): Promise<void> {
    await this.page.evaluate((choice) => {
      const offer = new Event('beforeinstallprompt', { cancelable: true });
      Object.assign(offer, {
        prompt: async () => {
          (window as unknown as { __installPrompted?: boolean }).__installPrompted = true;
        },
        userChoice: Promise.resolve({ outcome: choice, platform: 'web' }),
      });
      window.dispatchEvent(offer);
    }, outcome);
  }

  async prompted(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { __installPrompted?: boolean }).__installPrompted === true);
  }
}

export class StorageModel {
  constructor(private readonly page: Page) {}

  get panel() {
    return this.page.getByTestId('storage-panel');
  }

  async persistedState(): Promise<string | null> {
    return this.panel.getByTestId('storage-persisted').getAttribute('data-state');
  }
}
