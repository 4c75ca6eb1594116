/**
 * Line folding shared by vCard (RFC 6350) and iCalendar (RFC 5545): content
 * lines longer than 75 octets continue on the next line after a space, and a
 * fold never splits a UTF-8 sequence (or a surrogate pair).
 */

const MAX_OCTETS = 75;

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS / 3 || (line.length <= MAX_OCTETS && !/[^\x00-\x7f]/.test(line))) return line;
  const out: string[] = [];
  let current = '';
  let used = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = octets(ch.codePointAt(0) as number);
    if (used + size > limit) {
      out.push(current);
      current = '';
      used = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation counts
    }
    current += ch;
    used += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Lines joined with CRLF, each folded, ending with CRLF. */
export const joinLines = (lines: readonly string[]) => `${lines.map(foldLine).join('\r\n')}\r\n`;
