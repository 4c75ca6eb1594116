/**
 * Page models: browser tests talk to Rapport through what a person does
 * (`people.add({ name })`), so a test reads like a use and survives markup changes.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { CapturePage, DuplicatesPage, InteractionLog, TodayPage } from './habits.ts';
import { ExporterModel, ImporterModel, MyCardModel } from './io.ts';
import { IntroductionsPanel } from './introductions.ts';
import { MapPage, PlanPage, StakeholdersPage, WelcomePage, GiveAndTakePage } from './plan.ts';

/** Contexts already told to start past the first run (once per context is enough). */
const pastFirstRun = new WeakSet<BrowserContext>();

export class App {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /**
   * Tests about other places start past the first run (an empty space would
   * open on /welcome); the first-run test asks for it with `firstRun`.
   */
  static async open(
    context: BrowserContext,
    baseUrl: string,
    path = '/',
    opts: { firstRun?: boolean } = {},
  ): Promise<App> {
    if (!opts.firstRun && !pastFirstRun.has(context)) {
      pastFirstRun.add(context);
      await context.addInitScript(() => localStorage.setItem('rapport.welcome', 'skipped'));
    }
    const page = await context.newPage();
    const app = new App(page, baseUrl);
    await app.goto(path);
    return app;
  }

  async goto(path: string): Promise<void> {
    // A person types an address only after the app says their edit is saved; a load that
    // starts sooner may cut off the IndexedDB write that is still in flight.
    if (this.page.url().startsWith(this.baseUrl)) await this.savedOnThisDevice();
    await this.page.goto(this.baseUrl + path);
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  /** Waits until the service worker has the app cached and controls this page, so it loads offline. */
  async offlineReady(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await this.page.reload();
      await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
    }
  }

  /** Waits until every edit shown is in IndexedDB. */
  async savedOnThisDevice(): Promise<void> {
    await this.page.getByTestId('save-state').filter({ hasText: 'Saved on this device' }).waitFor();
  }

  get people() {
    return new PeoplePage(this);
  }
  get plan() {
    return new PlanPage(this);
  }
  get stakeholders() {
    return new StakeholdersPage(this);
  }
  get welcome() {
    return new WelcomePage(this);
  }
  get giveAndTake() {
    return new GiveAndTakePage(this);
  }
  get communities() {
    return new MapPage(this);
  }
  get person() {
    return new PersonPage(this);
  }
  get trash() {
    return new TrashPage(this);
  }
  get sync() {
    return new SyncPage(this);
  }
  get interactions() {
    return new InteractionLog(this);
  }
  get capture() {
    return new CapturePage(this);
  }
  get today() {
    return new TodayPage(this);
  }
  get duplicates() {
    return new DuplicatesPage(this);
  }
  get importer() {
    return new ImporterModel(this);
  }
  get exporter() {
    return new ExporterModel(this);
  }
  get myCard() {
    return new MyCardModel(this);
  }
}

export class PeoplePage {
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
}

export class PersonPage {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  /** Details show as a list; a person taps "Edit details" to change one. */
  async startEditing(): Promise<void> {
    const edit = this.page.getByRole('button', { name: 'Edit details' });
    if (await edit.isVisible()) await edit.click();
    await this.page.getByRole('button', { name: 'Done editing' }).first().waitFor();
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

  async moveToTrash(): Promise<void> {
    await this.page.getByRole('button', { name: 'Move to Trash' }).click();
  }

  get introductions(): IntroductionsPanel {
    return new IntroductionsPanel(this.page);
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

export class TrashPage {
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

export class SyncPage {
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
