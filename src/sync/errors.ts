/**
 * The sync layer's one error channel. Background work that must not break the app
 * (compacting the stored copy, applying another tab's changes, keeping a private space's
 * envelope and keys) hands what went wrong
 * here instead of swallowing it; the app decides how to log and show it.
 */

/** Where in sync/ the error happened. */
export type SyncErrorContext = 'compact' | 'tab-message' | 'envelope' | 'keys-read' | 'keys-save';

export type OnSyncError = (error: unknown, context: SyncErrorContext) => void;

/** The error's name and message only: never the data it was about. */
export function describeSyncError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return typeof error;
}
