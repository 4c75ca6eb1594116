/**
 * The files Export offers, each built from the space as it is at the click:
 * the io writers do the formats, the store reads the document.
 */
import type * as Y from 'yjs';
import { backupToJson } from '../../io/backup.ts';
import { communityNamer } from '../../io/community-names.ts';
import { writeContactsCsv } from '../../io/csv-write.ts';
import { writeIcs } from '../../io/ics-write.ts';
import { writeVCards } from '../../io/vcard-write.ts';
import type { Contact } from '../../model/index.ts';
import { readAll } from '../../store/index.ts';
import { exportBackup } from '../../store/backup.ts';
import { datedName } from '../download.ts';

export type ExportKind = 'vcard' | 'csv' | 'backup' | 'calendar';

interface ExportFile {
  filename: string;
  type: string;
  text: string;
  /** Entries that could not be read and so are not in the file (should be none). */
  skipped: number;
}

const live = (items: Contact[]) => items.filter((c) => c.deletedAt === null && c.mergedIntoId === null);

export function buildExport(doc: Y.Doc, kind: ExportKind, now = new Date()): ExportFile {
  switch (kind) {
    case 'vcard': {
      const all = readAll(doc, 'contacts');
      return {
        filename: datedName('people', 'vcf', now),
        type: 'text/vcard;charset=utf-8',
        text: writeVCards(live(all.items)),
        skipped: all.problems.length,
      };
    }
    case 'csv': {
      const all = readAll(doc, 'contacts');
      const communityName = communityNamer(readAll(doc, 'communities').items);
      return {
        filename: datedName('people', 'csv', now),
        type: 'text/csv;charset=utf-8',
        text: writeContactsCsv(live(all.items), communityName),
        skipped: all.problems.length,
      };
    }
    case 'backup': {
      const { backup, problems } = exportBackup(doc, now);
      return {
        filename: datedName('backup', 'json', now),
        type: 'application/json',
        text: backupToJson(backup),
        skipped: problems.length,
      };
    }
    case 'calendar': {
      const interactions = readAll(doc, 'interactions');
      const actions = readAll(doc, 'actions');
      const contacts = readAll(doc, 'contacts');
      const text = writeIcs(
        { interactions: interactions.items, actions: actions.items, contacts: contacts.items },
        now,
      );
      return {
        filename: datedName('follow-ups', 'ics', now),
        type: 'text/calendar;charset=utf-8',
        text,
        skipped: interactions.problems.length + actions.problems.length,
      };
    }
  }
}
