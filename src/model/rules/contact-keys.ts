/** Normal forms under which two records of one person agree: email, phone, LinkedIn, name. */
import { foldText } from './text.ts';

export const emailKey = (email: string): string => email.trim().toLowerCase();

/** Phones compare on their last 9 digits, so +44 20 7946 0958 and 020 7946 0958 agree. */
const PHONE_DIGITS = 9;

/** Null for numbers too short to compare safely; an extension is not part of the number. */
export function phoneKey(phone: string): string | null {
  const main = phone.split(/\s*(?:x|ext\.?|#)\s*\d/i)[0] ?? phone;
  const digits = main.replace(/\D/g, '');
  return digits.length >= PHONE_DIGITS ? digits.slice(-PHONE_DIGITS) : null;
}

/**
 * 'linkedin.com/in/ana-lopez' for any spelling of a profile link (scheme, www.
 * or country host, trailing slash, query, case, percent-encoding); other links
 * become host + path, lowercased. Null for an empty or unreadable link.
 */
export function linkedinKey(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  // The common spelling, without parsing a URL: thousands of these are read per import.
  const plain = /^https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/(?:in|pub)\/([a-z0-9-]+)\/?$/.exec(trimmed);
  if (plain) return `linkedin.com/in/${plain[1]}`;
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  let host = parsed.hostname.toLowerCase();
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) host = 'linkedin.com';
  else host = host.replace(/^www\./, '');
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded form: still a stable key
  }
  path = path.toLowerCase().replace(/\/+$/, '');
  const profile = /^\/(in|pub)\/([^/]+)/.exec(path);
  if (host === 'linkedin.com' && profile) return `linkedin.com/in/${profile[2]}`;
  return path === '' ? host : host + path;
}

/** Folded name words in alphabetical order, punctuation gone: "López, Ana" → "ana lopez". */
export function nameKey(name: string): string {
  return nameTokens(name).sort().join(' ');
}

export function nameTokens(name: string): string[] {
  return foldText(name)
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
}

const ORG_SUFFIXES = /\b(inc|ltd|limited|llc|plc|gmbh|ag|sa|sas|bv|co|corp|corporation|company)\b/g;

/** "ACME Ltd." and "Acme" are one organisation. Empty when none is known. */
export function organisationKey(organisation: string): string {
  return foldText(organisation)
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(ORG_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
