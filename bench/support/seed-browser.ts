/**
 * Puts a whole document into the app's IndexedDB, in y-indexeddb's own format,
 * as if it had been edited there, then returns the page to where it was.
 *
 * The seeding runs on a page of the same origin where the app is not running:
 * an open app compacts its store a moment after loading, and a compaction that
 * landed after the seed would replace it with the app's (empty) document.
 */
import type { Page } from 'playwright-core';

export async function seedIndexedDb(page: Page, update: Uint8Array): Promise<void> {
  const back = page.url();
  await page.goto(new URL('/robots.txt', back).href);
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('rapport-space');
      // The stores y-indexeddb creates, for a device that has never opened the app.
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains('updates'))
          req.result.createObjectStore('updates', { autoIncrement: true });
        if (!req.result.objectStoreNames.contains('custom')) req.result.createObjectStore('custom');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').clear();
      tx.objectStore('updates').add(bytes);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, Buffer.from(update).toString('base64'));
  if (!back.startsWith('about:')) await page.goto(back);
}
