/** The one line typed when capturing someone, and an email address typed into it. */
import { parseEmail } from '../fields.ts';

/**
 * Takes the first email address out of the line ("Mei, VC — mei@pale.vc" gives the address and
 * "Mei, VC"); the line is kept as typed otherwise. No address: the line as it is.
 */
export function splitCaptureLine(typed: string): { line: string; email: string | null } {
  for (const match of typed.matchAll(/[^\s<>(),;:"]+@[^\s<>(),;:"]+/g)) {
    const candidate = match[0].replace(/[.!?]+$/, '');
    const email = parseEmail(candidate);
    if (!email.ok) continue;
    const rest = (typed.slice(0, match.index) + typed.slice((match.index ?? 0) + match[0].length))
      .replace(/\s+([,;.])/g, '$1')
      .replace(/[\s,;—–-]+$/, '')
      .replace(/^[\s,;—–-]+/, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
    return { line: rest, email: email.value };
  }
  return { line: typed.trim(), email: null };
}
