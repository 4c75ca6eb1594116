import type { WriteError } from '../../store/index.ts';

/** One sentence for a failed write, for the field that caused it when it can be told. */
export function describeWriteError(error: WriteError, field?: string): string {
  if (error.type === 'not-found') return 'This was deleted on another device.';
  const own = field ? error.errors.filter((e) => e.field === field) : [];
  return (own.length ? own : error.errors).map((e) => e.message).join(' ');
}
