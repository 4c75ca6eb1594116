import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContactValues } from '../../src/io/types.ts';
import { isEmptyValue } from '../../src/model/index.ts';

export const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

/** Only the fields that are set, for compact expectations. */
export function setFields(values: ContactValues): Partial<ContactValues> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmptyValue(v))) as Partial<ContactValues>;
}
