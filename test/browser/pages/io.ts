/**
 * Page models for Settings → Import and Export, and My card: what a person does
 * (choose a file, read the preview, confirm, undo, download, restore, scan).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { App } from './app.ts';

export interface PreviewCounts {
  newPeople: number;
  alreadyHere: number;
  invalid: number;
}

export type FileToChoose = string | { name: string; mimeType: string; buffer: Buffer };

const countIn = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).locator('strong').textContent())?.replace(/\D/g, '') ?? NaN);

export class ImporterModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }
  private get section() {
    return this.page.locator('#import');
  }

  /** Through the Settings link when it shows (so the page is not reloaded), else by address. */
  async open(): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' });
    if (await link.isVisible()) await link.click();
    else await this.app.goto('/settings');
    await this.page.getByRole('heading', { name: 'Import', level: 2 }).waitFor();
  }

  /** Picks a file in the file chooser (a path, or bytes with a name). */
  async choose(file: FileToChoose): Promise<void> {
    await this.section.getByLabel('Choose a file to import').setInputFiles(file);
  }

  /** Drops a file on the import area, as when dragging it from the desktop. */
  async drop(filePath: string): Promise<void> {
    const name = filePath.split('/').pop() ?? 'file';
    const base64 = fs.readFileSync(filePath).toString('base64');
    const zone = this.page.getByTestId('import-drop');
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, data]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], fileName));
        return transfer;
      },
      [name, base64] as const,
    );
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  /** Waits for the preview and reads its headline counts. */
  async preview(): Promise<PreviewCounts> {
    const preview = this.page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 30_000 });
    return {
      newPeople: await countIn(this.page, 'count-new'),
      alreadyHere: await countIn(this.page, 'count-merge'),
      invalid: await countIn(this.page, 'count-invalid'),
    };
  }

  /** The whole preview as a person reads it. */
  async previewText(): Promise<string> {
    return (await this.page.getByTestId('import-preview').textContent()) ?? '';
  }

  /** The file named beside the picker while it is read and previewed. */
  async chosenFile(): Promise<string> {
    return ((await this.page.getByTestId('import-drop-chosen').textContent()) ?? '').trim();
  }

  /** The change lines offered for a person already here ("Role: Senior PM → Head of Product · …"), as shown. */
  async changesFor(name: string): Promise<string[]> {
    const item = this.page.getByTestId('preview-match').filter({ has: this.page.locator('strong', { hasText: name }) });
    return (await item.locator('.change-groups li').allTextContents()).map((t) =>
      t.replace(/^Take [^:]+: /, '').trim(),
    );
  }

  /** The "New role or organisation" lines: "José Núñez: Senior PM → Head of Product — congratulate?". */
  async workChanges(): Promise<string[]> {
    return (await this.page.getByTestId('preview-work-changes').locator('li').allTextContents()).map((t) => t.trim());
  }

  /** Ticks "congratulate?" for a person whose role or organisation changed. */
  async congratulate(name: string): Promise<void> {
    await this.page.getByTestId('preview-work-changes').locator('li', { hasText: name }).getByRole('checkbox').check();
  }

  /** The "Not usable" lines, e.g. "Line 9: This entry has no name." */
  async invalidRows(): Promise<string[]> {
    return this.page.getByTestId('preview-invalid').locator('li').allTextContents();
  }

  async confirm(): Promise<string> {
    await this.page
      .getByTestId('import-preview')
      .getByRole('button', { name: /^Import / })
      .click();
    const toast = this.page.locator('.toast').filter({ hasText: /^Added / });
    await toast.last().waitFor();
    return (await toast.last().locator('p').textContent()) ?? '';
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('import-preview').getByRole('button', { name: 'Cancel' }).click();
    await this.page.getByTestId('import-preview').waitFor({ state: 'detached' });
  }

  /** The "Added N people… Undo" toasts still on screen. */
  async resultToasts(): Promise<string[]> {
    return this.page
      .locator('.toast')
      .filter({ hasText: /^Added / })
      .locator('p')
      .allTextContents();
  }

  /** Undo from the toast that followed the import. */
  async undo(): Promise<void> {
    await this.page
      .locator('.toast')
      .filter({ hasText: /^Added / })
      .last()
      .getByRole('button', { name: 'Undo' })
      .click();
    await this.page.locator('.toast').filter({ hasText: 'was taken back' }).waitFor();
  }

  /** "Undo import" in the section, by a tap or by the keyboard; waits until the app says it was taken back. */
  async undoLastImport(opts: { withKeyboard?: boolean } = {}): Promise<void> {
    const button = this.page.getByTestId('last-import').getByRole('button', { name: 'Undo import' });
    if (opts.withKeyboard) await button.press('Enter');
    else await button.click();
    await this.page.locator('.toast').filter({ hasText: 'was taken back' }).waitFor();
  }

  /** Whether a preview is showing. */
  async previewShown(): Promise<boolean> {
    return (await this.page.getByTestId('import-preview').count()) > 0;
  }

  /** The message shown when a file is refused (waiting for one that matches, when given). */
  async refusal(matching?: RegExp): Promise<string> {
    const error = this.page.getByTestId('import-error').filter(matching ? { hasText: matching } : {});
    await error.waitFor();
    return (await error.textContent()) ?? '';
  }
}

export type ExportKind = 'vcard' | 'csv' | 'backup' | 'calendar';

export class ExporterModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goto('/settings');
    await this.page.getByRole('heading', { name: 'Export', level: 2 }).waitFor();
  }

  /** Clicks a download button and returns the file the browser saved. */
  async download(kind: ExportKind): Promise<{ filename: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`export-${kind}`).click(),
    ]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), bytes: fs.readFileSync(path) };
  }

  /** Restores a backup file; resolves with the toast's words, or the refusal. */
  async restore(file: FileToChoose): Promise<string> {
    await this.page.getByLabel('Choose a backup to restore').setInputFiles(file);
    const outcome = this.page
      .locator('.toast')
      .filter({ hasText: /^Restored / })
      .or(this.page.getByTestId('restore-error'));
    await outcome.first().waitFor({ timeout: 30_000 });
    return (await outcome.first().textContent()) ?? '';
  }

  /** After a backup is refused for a space that is not empty: imports its people instead. */
  async addItsPeopleInstead(count: number): Promise<void> {
    await this.page.getByRole('button', { name: `Add its ${count} people instead` }).click();
  }
}

export class MyCardModel {
  constructor(private readonly app: App) {}
  private get page() {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goto('/card');
    await this.page.getByRole('heading', { name: 'My card', level: 1 }).waitFor();
  }

  async fill(field: string, value: string): Promise<void> {
    await this.page.getByLabel(field, { exact: true }).fill(value);
  }

  /** What a field of the card holds, once the card is shown. */
  async value(field: string): Promise<string> {
    const input = this.page.getByLabel(field, { exact: true });
    await input.waitFor();
    return input.inputValue();
  }

  async addEmail(email: string): Promise<void> {
    await this.page.getByPlaceholder('Add email').fill(email);
    await this.page.getByPlaceholder('Add email').press('Enter');
  }

  /** The QR code image's data URL (empty until a name is given). */
  async qrDataUrl(): Promise<string> {
    const img = this.page.getByTestId('card-qr');
    await img.waitFor();
    return (await img.getAttribute('src')) ?? '';
  }

  async downloadVcf(): Promise<{ filename: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download my card (.vcf)' }).click(),
    ]);
    return { filename: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
  }

  /** Starts the camera scan and waits for a card to be read (or a problem to be told). */
  async scanWithCamera(): Promise<string> {
    await this.page.getByRole('button', { name: 'Scan a card with the camera' }).click();
    const outcome = this.page.getByTestId('scanned-card').or(this.page.getByTestId('scan-problem'));
    await outcome.first().waitFor({ timeout: 20_000 });
    return (await outcome.first().textContent()) ?? '';
  }

  /** Opens the system share sheet (where the device has one) with the card as a .vcf file. */
  async share(): Promise<void> {
    await this.page.getByRole('button', { name: 'Share my card' }).click();
  }

  async pasteCard(text: string): Promise<void> {
    await this.page.getByText('Paste the card text instead').click();
    await this.page.getByLabel('Card text (vCard or MECARD)').fill(text);
    await this.page.getByRole('button', { name: 'Use this card' }).click();
  }

  async addScanned(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${name}` }).click();
    await this.page.getByRole('link', { name: `Open ${name}` }).waitFor();
  }
}
