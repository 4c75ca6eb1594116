/// <reference lib="webworker" />
/**
 * The import worker: parses a chosen file off the main thread so the screen
 * never freezes. Messages in: `ImportRequest`; out: progress, then one result
 * (or an error, for a bug).
 */
import { parseFile } from './parse-file.ts';
import type { ImportRequest, ImportResponse } from './worker-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const DRAFTS_PER_MESSAGE = 1000;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { name, bytes } = event.data;
  const post = (message: ImportResponse) => scope.postMessage(message);
  let last = 0;
  try {
    const report = parseFile(name, bytes, (done, total) => {
      const now = Date.now();
      if (now - last < 50 && done < total) return; // a few updates a second are enough for a bar
      last = now;
      post({ type: 'progress', done, total });
    });
    if (report.ok) {
      // Thousands of people in one message would be one long task to receive on the main thread.
      const drafts = report.report.drafts;
      for (let i = 0; i < drafts.length; i += DRAFTS_PER_MESSAGE)
        post({ type: 'drafts', drafts: drafts.slice(i, i + DRAFTS_PER_MESSAGE) });
      post({ type: 'result', report: { ...report, report: { ...report.report, drafts: [] } } });
    } else post({ type: 'result', report });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
