/**
 * Import and export: text in, model values out, and back. Uses the model only.
 *
 * On the main thread, import `parseFileOffMainThread` from './worker-client.ts'
 * and `planImport` from './match.ts' directly rather than this index, so that
 * the parsers (and papaparse) stay in the worker's bundle.
 */
export * from './types.ts';
export { decodeFileBytes } from './decode.ts';
export { parseVCards } from './vcard-parse.ts';
export { parseLinkedinCsv, parseConnectedOn } from './csv-linkedin.ts';
export { parseGoogleCsv } from './csv-google.ts';
export { parseOutlookCsv } from './csv-outlook.ts';
export * from './detect.ts';
export * from './parse-file.ts';
export * from './match.ts';
export * from './backup.ts';
export { writeVCard, writeVCards, VCARD_FIELDS, type VCardPerson, type VCardFields } from './vcard-write.ts';
export { writeContactsCsv, toCsv, csvCell } from './csv-write.ts';
export { writeIcs, type CalendarInput } from './ics-write.ts';
export * from './card.ts';
export type { ImportRequest, ImportResponse } from './worker-protocol.ts';
