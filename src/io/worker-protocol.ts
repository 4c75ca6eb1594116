/** The messages between the import worker and its client. */
import type { ParsedFile } from './parse-file.ts';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
}

export type ImportResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; report: ParsedFile }
  /** A bug in the parser (expected failures arrive as a result with ok: false). */
  | { type: 'error'; message: string };
