/**
 * The people of a backup as import drafts, for merging them into a space that is
 * not empty. Links to other entities point at ids of the backed-up space, so they
 * are left out, except communities: those travel by name, and the import finds
 * or creates them here.
 */
import type { Backup, BackupProblem } from './backup.ts';
import type { ContactDraft, ContactValues, ParseReport } from './types.ts';
import { cleanCommunityNames, communityNamer } from './community-names.ts';

const REF_FIELDS = ['objectiveIds', 'metEventId', 'introducedById', 'mergedIntoId'] as const;

export function backupContactDrafts(backup: Backup, problems: BackupProblem[]): ParseReport {
  const report: ParseReport = { drafts: [], invalid: [], warnings: [] };
  const communityName = communityNamer(backup.collections.communities);
  backup.collections.contacts.forEach((contact, i) => {
    if (contact.deletedAt !== null || contact.mergedIntoId !== null) return;
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...values } = contact;
    const clean: ContactValues = {
      ...values,
      communityIds: [],
      objectiveIds: [],
      metEventId: null,
      introducedById: null,
      mergedIntoId: null,
    };
    const dropped = REF_FIELDS.some((f) => {
      const v = contact[f];
      return Array.isArray(v) ? v.length > 0 : v !== null;
    });
    const draft: ContactDraft = {
      line: i + 1,
      values: clean,
      notes: dropped ? ['links to objectives, events or introducers not imported'] : [],
    };
    const names = cleanCommunityNames(contact.communityIds.flatMap((id) => communityName(id) ?? []));
    if (names.length) draft.communities = names;
    report.drafts.push(draft);
  });
  for (const p of problems) {
    if (p.collection === 'contacts') report.invalid.push({ line: p.index, reason: p.reason });
    else
      report.warnings.push({
        line: p.index,
        message:
          p.collection === 'file' || p.collection === 'me' ? p.reason : `${p.collection} entry ${p.index}: ${p.reason}`,
      });
  }
  return report;
}
