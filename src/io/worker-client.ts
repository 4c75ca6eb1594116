/**
 * Parses a chosen file in a module worker and resolves with the result; the
 * size limit is checked before the file is even read.
 */
import { checkSize } from './limits.ts';
import type { ParsedFile } from './parse-file.ts';
import type { ContactDraft, ProgressFn } from './types.ts';
import type { ImportRequest, ImportResponse } from './worker-protocol.ts';

export function parseFileOffMainThread(file: File, onProgress?: ProgressFn): Promise<ParsedFile> {
  const tooLarge = checkSize(file.size);
  if (tooLarge) return Promise.resolve({ ok: false, error: tooLarge });
  return file.arrayBuffer().then(
    (buffer) =>
      new Promise<ParsedFile>((resolve, reject) => {
        const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
        const finish = () => worker.terminate();
        const drafts: ContactDraft[] = [];
        worker.onmessage = (event: MessageEvent<ImportResponse>) => {
          const message = event.data;
          if (message.type === 'progress') onProgress?.(message.done, message.total);
          else if (message.type === 'drafts') drafts.push(...message.drafts);
          else if (message.type === 'result')
            finish(),
              resolve(
                message.report.ok
                  ? { ...message.report, report: { ...message.report.report, drafts } }
                  : message.report,
              );
          else finish(), reject(new Error(`The import worker failed: ${message.message}`));
        };
        worker.onerror = (event) => {
          finish();
          reject(new Error(`The import worker failed: ${event.message}`));
        };
        const bytes = new Uint8Array(buffer);
        const request: ImportRequest = { name: file.name, bytes };
        worker.postMessage(request, [bytes.buffer]);
      }),
  );
}
