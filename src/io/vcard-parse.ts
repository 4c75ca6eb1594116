/**
 * vCard 2.1, 3.0 and 4.0 files, many cards each, as phones, Outlook and Google
 * write them. Never throws on bad input: unusable cards land in `invalid` with
 * their line and a reason, remarks in `warnings`.
 *
 * A file's bytes are read as bytes first (`parseVCardBytes`): lines are unfolded
 * before anything is decoded (servers fold in the middle of a character), each
 * value is decoded in the CHARSET it declares, and the values that declare none
 * in the file's encoding, decided on their evidence.
 */
import {
  decodeIn,
  emptyEvidence,
  type LegacyEncoding,
  fromBinary,
  guessLegacy,
  hasHighBytes,
  isDamagedUtf8,
  scanUtf8,
  toBinary,
} from './charset.ts';
import { damagedWarning, legacyWarning, stripBom } from './decode.ts';
import { emptyReport, type LineWarning, type ParseReport, type ProgressFn } from './types.ts';
import { validateContact } from './validate.ts';
import { mapCard } from './vcard-card.ts';
import { paramOf, parseContentLine, unfold, type ContentLine } from './vcard-lines.ts';
import { unknownCharset } from './vcard-values.ts';

const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

/** Text already decoded (pasted, scanned from a QR code, or a UTF-16 file). */
export function parseVCards(input: string, onProgress?: ProgressFn): ParseReport {
  return parseCards(stripBom(input), emptyReport(), (prop) => prop, onProgress);
}

const isQuotedPrintable = (prop: ContentLine) => /^QUOTED-PRINTABLE$/i.test(paramOf(prop, 'ENCODING') ?? '');

/** The bytes of a vCard file in UTF-8 or an 8-bit code page (UTF-16 is decoded first and goes to `parseVCards`). */
export function parseVCardBytes(bytes: Uint8Array, onProgress?: ProgressFn): ParseReport {
  const binary = toBinary(bytes);
  // First pass: the evidence, from the unfolded 8-bit values that declare no charset.
  const evidence = emptyEvidence();
  const undeclared: string[] = [];
  let firstErrorLine = 0;
  let declaredLegacy: string | undefined;
  unfold(binary, (logical) => {
    const prop = parseContentLine(logical);
    if (!prop || BINARY.has(prop.name) || isQuotedPrintable(prop) || !hasHighBytes(prop.raw)) return;
    const declared = paramOf(prop, 'CHARSET');
    if (declared) {
      declaredLegacy ??= scanUtf8(prop.raw).errors > 0 ? declared : undefined;
      return;
    }
    const before = evidence.errors;
    scanUtf8(prop.raw, evidence);
    if (before === 0 && evidence.errors > 0) firstErrorLine = prop.line;
    undeclared.push(prop.raw);
  });
  const report = emptyReport();
  let fileEncoding = 'utf-8';
  let legacy: LegacyEncoding | undefined;
  if (evidence.errors > 0 && isDamagedUtf8(evidence)) {
    report.warnings.push(damagedWarning('utf-8', evidence.errors, firstErrorLine));
  } else if (evidence.errors > 0) {
    fileEncoding = legacy = guessLegacy(undeclared.join('\n'));
    report.warnings.push(legacyWarning(legacy));
  } else if (declaredLegacy) {
    report.warnings.push({
      line: 1,
      message: `The file is not UTF-8 text; its values were read in the character set they declare (${declaredLegacy.slice(0, 40)}). If letters look wrong, export the file again as UTF-8.`,
    });
  }
  undeclared.length = 0;

  const decode = (binaryValue: string) => decodeIn(fileEncoding, fromBinary(binaryValue)) as string;
  const toText = (prop: ContentLine, warnings: LineWarning[]): ContentLine => {
    let params = prop.params;
    for (const values of params.values()) {
      if (values.some(hasHighBytes)) {
        params = new Map([...params].map(([k, v]) => [k, v.map((x) => (hasHighBytes(x) ? decode(x) : x))]));
        break;
      }
    }
    if (BINARY.has(prop.name)) return { ...prop, params };
    if (isQuotedPrintable(prop)) {
      // 8-bit bytes inside a quoted-printable value are bytes like the `=XX` around them.
      const raw = hasHighBytes(prop.raw)
        ? prop.raw.replace(/[\u0080-\u00ff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`)
        : prop.raw;
      return { ...prop, params, raw, ...(legacy ? { fallbackCharset: legacy } : {}) };
    }
    if (!hasHighBytes(prop.raw)) return { ...prop, params };
    const declared = paramOf(prop, 'CHARSET');
    let text: string | null = null;
    if (declared) {
      text = decodeIn(declared, fromBinary(prop.raw));
      if (text === null) warnings.push(unknownCharset(declared, prop.line));
    }
    return { ...prop, params, raw: text ?? decode(prop.raw) };
  };
  return parseCards(binary, report, toText, onProgress);
}

function parseCards(
  input: string,
  report: ParseReport,
  toText: (prop: ContentLine, warnings: LineWarning[]) => ContentLine,
  onProgress?: ProgressFn,
): ParseReport {
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
      warnings.push({
        line: c.line,
        message: `Photo not imported for ${checked.draft.values.name}: photos are not kept.`,
      });
    }
  };

  unfold(
    input,
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
        if (card)
          invalid.push({
            line: card.line,
            reason: `This card has no END:VCARD; the next card starts on line ${prop.line}. The file may be damaged.`,
          });
        card = { line: prop.line, props: [] };
        cards++;
      } else if (prop.name === 'END' && value === 'VCARD') {
        if (card) finish(card);
        card = null;
      } else if (card) {
        card.props.push(toText(prop, warnings));
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
