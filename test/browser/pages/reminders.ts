/** Page model for Settings → Reminders. */
import type { App } from './app.ts';

export class RemindersModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  private get panel() {
    return this.page.getByTestId('reminders-panel');
  }

  async open(): Promise<void> {
    await this.app.goto('/settings');
    await this.waitShown();
  }

  async waitShown(): Promise<void> {
    await this.panel.waitFor();
  }

  /** Flips "Remind me on this device" on, and waits until the panel says what came of it. */
  async turnOn(): Promise<void> {
    await this.panel.getByRole('switch', { name: 'Remind me on this device' }).check();
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="reminders-status"]')?.getAttribute('data-state') !== 'off',
      undefined,
      { polling: 100 },
    );
  }

  async isOn(): Promise<boolean> {
    return this.panel.getByRole('switch', { name: 'Remind me on this device' }).isChecked();
  }

  async status(): Promise<{ state: string | null; text: string }> {
    const line = this.panel.getByTestId('reminders-status');
    return { state: await line.getAttribute('data-state'), text: (await line.textContent()) ?? '' };
  }
}
