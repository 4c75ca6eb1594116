/**
 * What every importer hands back: checked contact values with the line they came
 * from, the rows that could not be used (and why, in words a person reads), and
 * remarks about what was changed or left out on the way in.
 */
import type { contactSpec, Values } from '../model/index.ts';

export type ContactValues = Values<typeof contactSpec>;
export type ContactField = keyof ContactValues;

export interface ContactDraft {
  /** 1-based line of the file where this person's card or row starts. */
  line: number;
  /** Checked with `parseValues(contactSpec, …)`: safe to write. */
  values: ContactValues;
  /** Remarks about this person's card, e.g. "photo not imported"; shown in the preview. */
  notes: string[];
  /**
   * Names of the communities the file puts this person in (Rapport's own CSV and
   * backups). Names, not ids: the store finds each among the space's communities,
   * or creates it, when the import is written.
   */
  communities?: string[];
}

export interface LineProblem {
  line: number;
  reason: string;
}

export interface LineWarning {
  line: number;
  message: string;
}

export interface ParseReport {
  drafts: ContactDraft[];
  invalid: LineProblem[];
  warnings: LineWarning[];
}

export type ProgressFn = (done: number, total: number) => void;

export const emptyReport = (): ParseReport => ({ drafts: [], invalid: [], warnings: [] });
