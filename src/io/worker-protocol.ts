/** The messages between the import worker and its client. */
import type { ParsedFile } from './parse-file.ts';
import type { ContactDraft } from './types.ts';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
}

export type ImportResponse =
  | { type: 'progress'; done: number; total: number }
  /** Part of the people read, ahead of the result: each message is received in its own task. */
  | { type: 'drafts'; drafts: ContactDraft[] }
  /** The result; its people are the `drafts` parts sent before it, in order. */
  | { type: 'result'; report: ParsedFile }
  /** A bug in the parser (expected failures arrive as a result with ok: false). */
  | { type: 'error'; message: string };
