import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContactValues } from '../../src/io/types.ts';

export const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

/** Only the fields that are set, for compact expectations. */
export function setFields(values: ContactValues): Partial<ContactValues> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => !(v === null || v === '' || (Array.isArray(v) && v.length === 0))),
  ) as Partial<ContactValues>;
}
