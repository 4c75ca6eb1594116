/**
 * Import and export through the UI, in real Chromium against the real server:
 * a LinkedIn file previewed, confirmed, searched and undone; the preview alone
 * writes nothing; a hostile vCard stays inert text; exports read back; a backup
 * restores into a fresh browser; a too-large file is refused; my card as a QR code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseFile } from '../../src/io/parse-file.ts';
import { App } from './pages/app.ts';
import { startAppServer, type AppServer } from './support/app-server.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launchBrowser } from './support/browser.ts';
import { writeQrVideo } from './fixtures/qr-video.ts';
import {
  activeMarkup,
  pwned,
  refuseCamera,
  requestsElsewhere,
  sharedFiles,
  standInShareSheet,
} from './support/inspect.ts';
import { copyOfDist } from './support/pwa.ts';

// The tests run side by side (each in its own browser context): on two busy cores one test took
// 60 s in a full run, so the limit here only catches a hang and sits well clear of that.
vi.setConfig({ testTimeout: 240_000 });

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const CONNECTIONS = path.join(FIXTURES, 'Connections.csv');
const HOSTILE = path.join(FIXTURES, 'hostile.vcf');
const IMPORTED = ['Ana Lima', 'Kwame Mensah', 'Priya Raman', 'Zoë Ångström'];

let server: AppServer;
let browser: Browser;
let tmp: string;
let staticDir: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-io-'));
  // A private copy of the build: another engineer's rebuild mid-run cannot change what is served.
  staticDir = await copyOfBuiltDist();
  server = await startAppServer({ env: { STATIC_DIR: staticDir } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A private copy of dist/, waiting out a build someone else has under way (it writes sw.js last). */
async function copyOfBuiltDist(): Promise<string> {
  const sw = path.join(import.meta.dirname, '../../dist/sw.js');
  for (let i = 0; i < 120 && !fs.existsSync(sw); i++) await new Promise((r) => setTimeout(r, 500));
  return copyOfDist();
}

async function freshApp(path = '/settings') {
  const context = await browser.newContext();
  return { context, app: await App.open(context, server.url, path) };
}

async function importConnections(app: App) {
  await app.importer.open();
  await app.importer.choose(CONNECTIONS);
  await app.importer.preview();
  await app.importer.confirm();
  await app.savedOnThisDevice();
}

describe.concurrent('Import and export, in real Chromium against the real server', () => {
  it('a LinkedIn Connections.csv: preview, confirm, find someone, undo the whole import', async () => {
    const { context, app } = await freshApp();
    await app.importer.choose(CONNECTIONS);
    expect(await app.importer.preview()).toEqual({ newPeople: 4, alreadyHere: 0, invalid: 1 });
    expect(await app.importer.invalidRows()).toEqual(['Line 9: This entry has no name.']);
    expect(await app.importer.previewText()).toContain('Read as LinkedIn connections');
    expect(await app.importer.confirm()).toBe('Added 4 people from Connections.csv.');

    await app.people.open();
    await app.people.search('Mensah Boateng');
    expect(await app.people.names()).toEqual(['Kwame Mensah']);
    await app.people.search('');
    expect(await app.people.names()).toEqual(IMPORTED);

    await app.importer.open();
    await app.importer.choose(CONNECTIONS);
    // The same file again: everyone is already here, nothing to change.
    expect(await app.importer.preview()).toEqual({ newPeople: 0, alreadyHere: 4, invalid: 1 });
    await app.importer.cancel();

    await app.importer.undoLastImport();
    await app.reload();
    await app.people.open();
    expect(await app.people.names()).toEqual([]);
    await context.close();
  });

  it('a vCard then LinkedIn of the same people adds nobody and shows what changes; a newer LinkedIn lists new roles and plans a congratulation', async () => {
    const { context, app } = await freshApp();
    const vcard = [
      'José Núñez|Climatebase|Senior PM|jose@climatebase.example',
      'Kwame Mensah|Climatebase||',
      'Marco Rossi|Climatebase Inc.|Talent Partner|',
    ]
      .map((row) => row.split('|'))
      .map(
        ([name, org, title, email]) =>
          `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nORG:${org}\r\n${title ? `TITLE:${title}\r\n` : ''}${email ? `EMAIL:${email}\r\n` : ''}END:VCARD\r\n`,
      )
      .join('');
    const head =
      'Notes:\n"Some email addresses may be missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const linkedin = (jose: string) =>
      `${head}José,Núñez,https://www.linkedin.com/in/jose-nunez,,Climatebase,${jose},12 Mar 2024\nKwame,Mensah,https://www.linkedin.com/in/kwame-mensah,,Climatebase,,01 Jan 2024\nMarco,Rossi,https://www.linkedin.com/in/marco-rossi,,Climatebase,Talent Partner,05 Jun 2022\n`;
    const csv = (text: string) => ({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

    await app.importer.open();
    await app.importer.choose({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcard) });
    expect(await app.importer.preview()).toEqual({ newPeople: 3, alreadyHere: 0, invalid: 0 });
    expect(await app.importer.chosenFile()).toBe('Chosen: contacts.vcf');
    expect(await app.importer.confirm()).toBe('Added 3 people from contacts.vcf.');

    await app.importer.choose(csv(linkedin('Senior PM')));
    expect(await app.importer.preview()).toEqual({ newPeople: 0, alreadyHere: 3, invalid: 0 });
    expect(await app.importer.chosenFile()).toBe('Chosen: Connections.csv');
    expect(await app.importer.changesFor('José Núñez')).toEqual([
      'LinkedIn: “https://www.linkedin.com/in/jose-nunez”',
      'Connected on: “12 March 2024”',
    ]);
    expect(await app.importer.confirm()).toBe('Added 0 people, updated 3 from Connections.csv.');

    await app.importer.choose(
      csv(
        `${linkedin('Head of Product')}Ama,Owusu,https://www.linkedin.com/in/ama-owusu,,Climatebase,Engineer,02 Dec 2026\n`,
      ),
    );
    expect(await app.importer.preview()).toEqual({ newPeople: 1, alreadyHere: 3, invalid: 0 });
    expect(await app.importer.workChanges()).toEqual(['José Núñez: Senior PM → Head of Product — congratulate?']);
    expect(await app.importer.changesFor('José Núñez')).toEqual([
      'Role: Senior PM → Head of Product · Organisation unchanged',
    ]);
    await app.importer.congratulate('José Núñez');
    expect(await app.importer.confirm()).toBe(
      'Added 1 person, updated 1, planned 1 congratulation from Connections.csv.',
    );

    // Undone from the section's button: the toast that offered the same Undo goes with it.
    await app.importer.undoLastImport({ withKeyboard: true });
    expect(await app.importer.resultToasts()).toEqual([]);
    await app.importer.choose(
      csv(
        `${linkedin('Head of Product')}Ama,Owusu,https://www.linkedin.com/in/ama-owusu,,Climatebase,Engineer,02 Dec 2026\n`,
      ),
    );
    await app.importer.preview();
    await app.importer.congratulate('José Núñez');
    await app.importer.confirm();

    await app.today.open();
    expect(await app.today.items('actions')).toContainEqual(
      expect.stringContaining('Congratulate José Núñez on the new role: Head of Product at Climatebase'),
    );
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ama Owusu', 'José Núñez', 'Kwame Mensah', 'Marco Rossi']);
    await app.people.openPerson('José Núñez');
    expect(await app.person.details()).toContainEqual(expect.stringContaining('Head of Product'));
    await context.close();
  });

  it('"Undo import" also takes away the toast that offered the same undo', async () => {
    const { context, app } = await freshApp();
    await importConnections(app);
    expect(await app.importer.resultToasts()).toEqual(['Added 4 people from Connections.csv.']);
    await app.importer.undoLastImport();
    await expect.poll(() => app.importer.resultToasts()).toEqual([]);
    await context.close();
  });

  it('undo from the toast takes the import back', async () => {
    const { context, app } = await freshApp();
    await importConnections(app);
    await app.importer.undo();
    await app.people.open();
    expect(await app.people.names()).toEqual([]);
    await context.close();
  });

  it('the preview alone writes nothing (the file dropped rather than chosen)', async () => {
    const { context, app } = await freshApp();
    await app.importer.drop(CONNECTIONS);
    expect((await app.importer.preview()).newPeople).toBe(4);
    await app.reload();
    await app.people.open();
    expect(await app.people.names()).toEqual([]);
    await context.close();
  });

  it('a hostile vCard imports as inert text, and its javascript: URL is neither kept nor a link', async () => {
    const { context, app } = await freshApp();
    await app.importer.choose(HOSTILE);
    await app.importer.preview();
    expect(await app.importer.previewText()).toMatch(/Line 6: The link “javascript:window\.__pwned=3” .*not imported/);
    await app.importer.confirm();
    await app.people.open();
    const name = '<script>window.__pwned=1</script>Mallory';
    expect(await app.people.names()).toEqual([name]);
    await app.people.openPerson(name);
    expect(await app.person.value('Organisation')).toBe('<b onmouseover=alert(1)>Evil Corp</b>');
    expect(await app.person.value('Notes')).toBe('<a href="javascript:alert(1)">click me</a>');
    expect(await app.person.value('Website')).toBe('');
    expect(await activeMarkup(app)).toBe(0);
    expect(await pwned(app)).toBeUndefined();
    await context.close();
  });

  it('exported vCard and CSV read back with the same people; the calendar is a calendar', async () => {
    const { context, app } = await freshApp();
    await importConnections(app);
    await app.exporter.open();
    const vcard = await app.exporter.download('vcard');
    expect(vcard.filename).toMatch(/^rapport-people-\d{4}-\d{2}-\d{2}\.vcf$/);
    const back = parseFile(vcard.filename, new Uint8Array(vcard.bytes));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.format).toBe('vcard');
    expect(back.report.invalid).toEqual([]);
    const people = back.report.drafts.map((d) => d.values).sort((a, b) => a.name.localeCompare(b.name));
    expect(people.map((p) => p.name)).toEqual(IMPORTED);
    expect(people.find((p) => p.name === 'Kwame Mensah')).toMatchObject({
      organisation: 'Mensah, Boateng & Partners',
      role: 'Partner, Strategy',
      emails: ['kwame@example.com'],
      linkedin: 'https://www.linkedin.com/in/kwame-mensah-1a2b3c',
    });

    const csv = await app.exporter.download('csv');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"Mensah, Boateng & Partners"');
    // Rapport reads its own CSV back, communities column and all.
    const csvBack = parseFile(csv.filename, new Uint8Array(csv.bytes));
    if (!csvBack.ok) throw new Error(csvBack.error.message);
    expect(csvBack.format).toBe('rapport-csv');
    expect(text.slice(1, text.indexOf('\r\n')).split(',')).toContain('Communities');
    expect(csvBack.report.drafts.map((d) => d.values.name).sort()).toEqual(IMPORTED);

    const ics = await app.exporter.download('calendar');
    expect(ics.bytes.toString('utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    await context.close();
  });

  it('a selection leaves as a vCard: the people a search shows, and no one else', async () => {
    const { context, app } = await freshApp();
    await importConnections(app);
    await app.people.open();
    await app.people.search('lima');
    const download = await app.people.exportShown();
    expect(download.filename).toMatch(/\.vcf$/);
    const back = parseFile(download.filename, new Uint8Array(download.bytes));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.report.drafts.map((d) => d.values.name)).toEqual(['Ana Lima']);
    await app.people.search('');
    await app.people.waitUntilNoExport(); // no search, no selection to export
    await context.close();
  });

  it('a JSON backup restores into a fresh browser exactly; a non-empty one is refused with an offer', async () => {
    const first = await freshApp();
    await importConnections(first.app);
    await first.app.exporter.open();
    const backup = await first.app.exporter.download('backup');
    const file = path.join(tmp, backup.filename);
    fs.writeFileSync(file, backup.bytes);

    const second = await freshApp();
    await second.app.exporter.open();
    expect(await second.app.exporter.restore(file)).toMatch(/^Restored 4 people from rapport-backup-/);
    await second.app.reload();
    await second.app.people.open();
    expect(await second.app.people.names()).toEqual(IMPORTED);
    await second.app.exporter.open();
    const again = await second.app.exporter.download('backup');
    const collections = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')).collections;
    expect(collections(again.bytes)).toEqual(collections(backup.bytes));

    // This one is not empty now: restoring again is refused, and adding its people is offered instead.
    expect(await second.app.exporter.restore(file)).toContain('can only be restored into an empty space');
    await second.app.exporter.addItsPeopleInstead(4);
    expect(await second.app.importer.preview()).toEqual({ newPeople: 0, alreadyHere: 4, invalid: 0 });
    await first.context.close();
    await second.context.close();
  });

  it('a file over 50 MB is refused at once, with the reason', async () => {
    const big = path.join(tmp, 'huge.vcf');
    fs.writeFileSync(big, 'BEGIN:VCARD\r\n');
    fs.truncateSync(big, 51 * 1024 * 1024);
    const { context, app } = await freshApp();
    await app.importer.choose(big);
    const refusal = await app.importer.refusal();
    expect(refusal).toMatch(/51(\.0)? MB/);
    expect(refusal).toMatch(/50(\.0)? MB/);
    expect(await app.importer.previewShown()).toBe(false);
    // A file of no known kind is refused with what would be accepted.
    await app.importer.choose({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Met Ana at the Rust meetup.\n'),
    });
    expect(await app.importer.refusal(/vCard/)).toMatch(/vCard/);
    await context.close();
  });
});

describe.concurrent('My card, in real Chromium', () => {
  it('edited card shows as a QR code and downloads as a .vcf that reads back', async () => {
    const { context, app } = await freshApp('/');
    await app.myCard.open();
    await app.myCard.fill('Name', 'Zoë Müller');
    await app.myCard.fill('Organisation', 'Acme Robotics');
    await app.myCard.addEmail('zoe@example.org');
    await app.myCard.fill('What I do', 'I help robotics start-ups ship safely.');
    expect(await app.myCard.qrDataUrl()).toMatch(/^data:image\/png;base64,/);
    const vcf = await app.myCard.downloadVcf();
    expect(vcf.filename).toBe('Zoë-Müller.vcf');
    const back = parseFile(vcf.filename, new TextEncoder().encode(vcf.text));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.report.drafts[0]?.values).toMatchObject({
      name: 'Zoë Müller',
      organisation: 'Acme Robotics',
      emails: ['zoe@example.org'],
      notes: 'I help robotics start-ups ship safely.',
    });
    await app.reload();
    expect(await app.myCard.value('Name')).toBe('Zoë Müller');
    await context.close();
  });

  it('shares the card as a .vcf file where the device can share files', async () => {
    const context = await browser.newContext();
    await standInShareSheet(context);
    const app = await App.open(context, server.url, '/card');
    await app.myCard.open();
    await app.myCard.fill('Name', 'Ana Lima');
    await app.myCard.fill('Role', 'CTO');
    await app.myCard.share();
    const [shared] = await sharedFiles(app);
    expect(shared).toMatchObject({ name: 'Ana-Lima.vcf', type: 'text/vcard', title: 'Ana Lima' });
    expect(shared?.text).toMatch(
      /^BEGIN:VCARD\r\nVERSION:4\.0\r\nFN:Ana Lima\r\n[\s\S]*TITLE:CTO\r\n[\s\S]*END:VCARD\r\n$/,
    );
    await context.close();
  });

  it('a pasted card is added as a person', async () => {
    const { context, app } = await freshApp('/');
    await app.myCard.open();
    await app.myCard.pasteCard('MECARD:N:Lima,Ana;TEL:+351 912 345 678;EMAIL:ana@acme.example;ORG:Acme;;');
    await app.myCard.addScanned('Ana Lima');
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ana Lima']);
    await context.close();
  });

  it('scans a QR card with the camera (ZXing, bundled wasm, nothing fetched from elsewhere) and adds the person', async () => {
    const video = writeQrVideo(
      tmp,
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kwame Mensah\r\nORG:Mensah\\, Boateng & Partners\r\nEMAIL:kwame@example.com\r\nEND:VCARD\r\n',
    );
    const withCamera = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        ...CHROMIUM_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await withCamera.newContext({ permissions: ['camera'], serviceWorkers: 'block' });
      const elsewhere = requestsElsewhere(context, server.url);
      const app = await App.open(context, server.url, '/card');
      expect(await app.myCard.scanWithCamera()).toContain('Kwame Mensah');
      await app.myCard.addScanned('Kwame Mensah');
      expect(elsewhere()).toEqual([]);
      // …and the service worker precaches the decoder's wasm, so scanning works offline too.
      expect(fs.readFileSync(path.join(staticDir, 'sw.js'), 'utf8')).toMatch(/assets\/zxing_reader-[\w-]+\.wasm/);
      await app.people.open();
      expect(await app.people.names()).toEqual(['Kwame Mensah']);
      await context.close();
    } finally {
      await withCamera.close();
    }
  });

  it('says so when the camera is refused, and pasting still works', async () => {
    const context = await browser.newContext();
    const app = await App.open(context, server.url, '/card');
    await refuseCamera(app);
    expect(await app.myCard.scanWithCamera()).toContain('Rapport may not use the camera');
    await context.close();
  });
});
