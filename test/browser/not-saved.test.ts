/**
 * "Saved on this device" only when it is (issue 16 §2): when the browser refuses IndexedDB
 * writes — here as a full store does, by throwing QuotaExceededError from the real
 * IDBObjectStore.add — the app says so with the reason and the storage advice, keeps the
 * change, and says "Saved" only once a write has gone through.
 */
import { describe, expect, it } from 'vitest';
import { App } from './pages/app.ts';
import { useAppSession } from './support/session.ts';
import { makeWritesRefusable, refuseWrites } from './support/storage.ts';

const session = useAppSession();

describe('when this device cannot save', () => {
  it('shows “Not saved” with the reason, keeps the edit, and is saved once the store accepts it', async () => {
    const context = await session.browser.newContext({ viewport: { width: 360, height: 740 } });
    // A switch the test flips, standing for the disk filling up and being freed.
    await makeWritesRefusable(context);
    const app = await App.open(context, session.server.url);
    await app.people.add({ name: 'Ana Lima' });
    await app.savedOnThisDevice();

    await refuseWrites(app, true);
    await app.people.add({ name: 'Bo Chen' });
    expect(await app.notSaved()).toBe('Not saved on this device — this device’s storage for Rapport is full');
    // The pill leads to the advice.
    await app.openNotSaved();
    await expect
      .poll(() => app.storage.notSavedAdvice())
      .toMatch(/^Not saved on this device — this device’s storage for Rapport is full\. Your latest changes are kept/);
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ana Lima', 'Bo Chen']);

    // Space is freed; the next edit (or the retry) saves everything.
    await refuseWrites(app, false);
    await app.people.add({ name: 'Cy Twombly' });
    await app.savedOnThisDevice();
    await app.reload();
    await app.people.open();
    expect(await app.people.names()).toEqual(['Ana Lima', 'Bo Chen', 'Cy Twombly']);
    await context.close();
  });
});
