/** Page model for Settings → Sync, and for joining a network from a pairing link. */
import type { App } from './app.ts';

export class SyncModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  /** Settings from the app's own navigation, as a person goes there (never by reloading). */
  async open(): Promise<void> {
    if (!new URL(this.page.url()).pathname.startsWith('/settings'))
      await this.page.locator('a[href="/settings"]:visible').first().click();
    await this.page.getByRole('heading', { name: 'Sync', level: 2 }).waitFor();
  }

  async turnOn(deviceName: string, opts: { doubleClick?: boolean } = {}): Promise<void> {
    await this.open();
    await this.page.getByLabel('This device’s name').fill(deviceName);
    const button = this.page.getByRole('button', { name: 'Turn on sync' });
    if (opts.doubleClick) await button.dblclick();
    else await button.click();
    await this.waitFor('Up to date');
  }

  /** Makes a pairing and returns its link (the QR code encodes the same link). */
  async addDevice(): Promise<{ link: string; code: string }> {
    await this.open();
    await this.page.getByRole('button', { name: 'Add a device' }).click();
    const link = await this.page.getByLabel('Pairing link').inputValue();
    const code = (await this.page.getByTestId('pair-code').textContent()) ?? '';
    return { link, code };
  }

  /** Once on: the panel offers "Add a device" (and waits for it). */
  async waitUntilOn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a device' }).waitFor();
  }

  /** Whether "Turn on sync" is offered. */
  async offersTurnOn(): Promise<boolean> {
    return (await this.page.getByRole('button', { name: 'Turn on sync' }).count()) > 0;
  }

  /** Closes the pairing shown by "Add a device". */
  async donePairing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Done' }).click();
  }

  /** For a network that syncs in plaintext: "Make it private". */
  async makePrivate(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Make it private' }).click();
  }

  /** What the top bar's sync status says when pointed at (why there is a problem). */
  async statusDetail(): Promise<string> {
    return (await this.page.getByTestId('sync-state').getAttribute('title')) ?? '';
  }

  /** What Settings says about changes from the relay that did not open. */
  async dataHealth(): Promise<string> {
    await this.open();
    return ((await this.page.getByTestId('sealed-health').textContent()) ?? '').replace(/\s+/g, ' ');
  }

  /** "Undo merge" from the toast a join that merged leaves. */
  async undoMerge(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo merge' }).click();
  }

  async join(link: string, deviceName: string): Promise<void> {
    await this.openPairingLink(link);
    await this.joinAs(deviceName);
    await this.page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  }

  /** As when the QR code is scanned. */
  async openPairingLink(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByRole('heading', { name: 'Join your network' }).waitFor();
  }

  /** Joins; a device holding data may then be asked what to merge. */
  async joinAs(deviceName: string): Promise<void> {
    await this.page.getByLabel('This device’s name').fill(deviceName);
    await this.page.getByRole('button', { name: 'Join and sync' }).click();
  }

  /** What the pairing page says this device brings, before joining. */
  async brings(): Promise<string> {
    return ((await this.page.getByTestId('pair-brings').textContent()) ?? '').trim();
  }

  /** The items offered for merging as this device joins. */
  async alikeItems(): Promise<string[]> {
    const group = this.page.getByRole('group', { name: 'Already in your network' });
    await group.waitFor();
    return (await group
      .getByRole('checkbox')
      .evaluateAll((els) => els.map((e) => e.closest('label')?.textContent?.trim() ?? ''))) as string[];
  }

  async mergeAndSync(): Promise<void> {
    await this.page.getByRole('button', { name: 'Merge and sync' }).click();
    await this.page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  }

  /** Settings → Sync → "Try now". */
  async tryNow(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Try now' }).click();
  }

  /** "Turn off sync on this device", and waits until the panel offers to turn it on again. */
  async turnOff(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Turn off sync on this device' }).click();
    await this.page.getByRole('button', { name: 'Turn on sync' }).waitFor();
  }

  async removeDevice(name: string): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: `Remove ${name}` }).click();
  }

  /** What Settings → Sync says about who can read the network. */
  async privacy(): Promise<string> {
    await this.open();
    return ((await this.page.getByTestId('sync-privacy').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The devices listed in Settings, each "name — last seen". */
  async devices(): Promise<string[]> {
    return (await this.page.getByTestId('device').allInnerTexts()).map((t) => t.replace(/\s*\n\s*/g, ' — ').trim());
  }

  /** The short status in the top bar, e.g. "Up to date" or "Will sync". */
  async waitFor(label: string, timeout = 15_000): Promise<void> {
    await this.page.getByTestId('sync-state').filter({ hasText: label }).waitFor({ timeout });
  }
}
