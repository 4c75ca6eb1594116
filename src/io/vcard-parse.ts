/**
 * vCard 2.1, 3.0 and 4.0 files, many cards each, as phones, Outlook and Google
 * write them. Never throws on bad input: unusable cards land in `invalid` with
 * their line and a reason, remarks in `warnings`.
 */
import { stripBom } from './decode.ts';
import { emptyReport, type ParseReport, type ProgressFn } from './types.ts';
import { validateContact } from './validate.ts';
import { mapCard } from './vcard-card.ts';
import { parseContentLine, unfold, type ContentLine } from './vcard-lines.ts';

const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

export function parseVCards(input: string, onProgress?: ProgressFn): ParseReport {
  const report = emptyReport();
  const { drafts, invalid, warnings } = report;
  let card: { line: number; props: ContentLine[] } | null = null;
  let cards = 0;
  let unreadable = 0;
  let firstUnreadable = 0;
  let lastWasBinary = false;

  const finish = (c: { line: number; props: ContentLine[] }) => {
    const mapped = mapCard(c.props, warnings);
    if (mapped.skip) return void invalid.push({ line: c.line, reason: mapped.skip });
    const checked = validateContact(mapped.raw, c.line, mapped.notes, warnings);
    if (!checked.ok) return void invalid.push(checked.problem);
    drafts.push(checked.draft);
    if (mapped.notes.includes('photo not imported')) {
      warnings.push({ line: c.line, message: `Photo not imported for ${checked.draft.values.name}: photos are not kept.` });
    }
  };

  unfold(
    stripBom(input),
    (logical) => {
      const prop = parseContentLine(logical);
      if (!prop) {
        // Unindented base64 after a PHOTO (some 2.1 exporters) is part of the photo.
        if (!(card && lastWasBinary)) {
          if (unreadable++ === 0) firstUnreadable = logical.line;
        }
        return;
      }
      lastWasBinary = BINARY.has(prop.name);
      const value = prop.raw.trim().toUpperCase();
      if (prop.name === 'BEGIN' && value === 'VCARD') {
        if (card) invalid.push({ line: card.line, reason: `This card has no END:VCARD; the next card starts on line ${prop.line}. The file may be damaged.` });
        card = { line: prop.line, props: [] };
        cards++;
      } else if (prop.name === 'END' && value === 'VCARD') {
        if (card) finish(card);
        card = null;
      } else if (card) {
        card.props.push(prop);
      } else if (unreadable++ === 0) {
        firstUnreadable = prop.line;
      }
    },
    onProgress,
  );
  const open = card as { line: number; props: ContentLine[] } | null;
  if (open) invalid.push({ line: open.line, reason: 'This card is cut short: the file ends before END:VCARD.' });
  if (unreadable > 0) {
    warnings.push({
      line: firstUnreadable,
      message: `${unreadable} line${unreadable === 1 ? '' : 's'} outside any card or not in vCard form ${unreadable === 1 ? 'was' : 'were'} skipped (first on line ${firstUnreadable}).`,
    });
  }
  if (cards === 0) invalid.push({ line: 1, reason: 'No contact cards (BEGIN:VCARD) were found in this file.' });
  return report;
}
