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

  /** Accepts with the keyboard alone: Tab from the top bar's first link to Reload, then Enter; waits for the new load. */
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
        const reloaded = this.page.waitForEvent('load', { timeout: 20_000 });
        await this.page.keyboard.press('Enter');
        await reloaded;
        return;
      }
    }
    throw new Error('Reload is not reachable with Tab from the top bar');
  }
}

export class InstallModel {
  constructor(private readonly page: Page) {}

  private get button() {
    return this.page.getByRole('banner').getByRole('button', { name: 'Install app' });
  }

  /** Whether the top bar offers "Install app". */
  async isOffered(): Promise<boolean> {
    return (await this.button.count()) > 0;
  }

  async press(): Promise<void> {
    await this.button.click();
  }

  /** Waits until "Install app" is gone from the top bar (installed, or the hint dismissed for good). */
  async waitGone(): Promise<void> {
    await this.button.waitFor({ state: 'detached' });
  }

  /** Whether the button says it has opened something (the iOS hint). */
  async isExpanded(): Promise<boolean> {
    return (await this.button.getAttribute('aria-expanded')) === 'true';
  }

  /** On iOS: the "Add to Home Screen" hint the button opens. */
  async iosHint(): Promise<string> {
    return (await this.page.getByTestId('ios-install-hint').textContent()) ?? '';
  }

  async dismissIosHint(): Promise<void> {
    await this.page.getByTestId('ios-install-hint').getByRole('button', { name: 'Got it' }).click();
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

  private get panel() {
    return this.page.getByTestId('storage-panel');
  }

  /** 'granted', 'not-granted', 'unsupported', or 'unknown' while the browser is asked. */
  async persistedState(): Promise<string | null> {
    return this.panel.getByTestId('storage-persisted').getAttribute('data-state');
  }

  /** Waits until the panel says how much is used ("Using 12 KB of …"), and returns it. */
  async usage(): Promise<string> {
    const line = this.panel.getByTestId('storage-usage').filter({ hasText: /Using [\d.]+ (bytes|KB|MB|GB)/ });
    await line.waitFor();
    return (await line.textContent()) ?? '';
  }

  /** Everything the panel says. */
  async text(): Promise<string> {
    return (await this.panel.textContent()) ?? '';
  }

  /** Where the panel's "Export a backup" leads. */
  async backupLink(): Promise<string | null> {
    return this.panel.getByRole('link', { name: 'Export a backup' }).getAttribute('href');
  }

  /** The advice shown when this device could not save. */
  async notSavedAdvice(): Promise<string | null> {
    return this.panel.getByTestId('storage-not-saved').textContent();
  }
}

/**
 * The picture of the last screen painted before the app has loaded (src/ui/painted-view.ts): what a
 * person sees in the first instant of a visit. Read while the app's code is held back.
 */
export class FirstScreenModel {
  constructor(private readonly page: Page) {}

  private get picture() {
    return this.page.locator('#app .painted-frame');
  }

  async waitPainted(): Promise<void> {
    await this.picture.waitFor();
  }

  /** What the picture shows: its heading, the names listed, and whether it says the network is empty. */
  async shows(): Promise<{ heading: string; names: string[]; empty: string | null }> {
    const main = this.picture.locator('main');
    const heading = ((await main.locator('h1').textContent()) ?? '').trim();
    const names = (await main.locator('.person-row strong').allTextContents()).map((n) => n.trim());
    const empty = main.locator('.empty p').nth(1);
    return { heading, names, empty: (await empty.count()) > 0 ? ((await empty.textContent()) ?? '').trim() : null };
  }

  /** Whether anything in the picture can be reached with Tab or clicked: it must not, it is not the app yet. */
  async isInert(): Promise<boolean> {
    return this.picture.evaluate((el) => (el as HTMLElement).inert);
  }

  /** Whether the picture is still there (the app has not replaced it). */
  async isShown(): Promise<boolean> {
    return (await this.picture.count()) > 0;
  }
}
