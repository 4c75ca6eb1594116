/**
 * Links from files: only web addresses survive (nothing from a file may become a
 * `javascript:` or other script link), and LinkedIn profiles are told apart from
 * other websites.
 */
import { parseWebUrl } from '../model/index.ts';

type LinkResult = { ok: true; url: string; linkedin: boolean } | { ok: false; message: string };

const show = (value: string) => `“${value.slice(0, 80)}”`;

export function classifyLink(value: string, hintLinkedin = false): LinkResult {
  const trimmed = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  // "example.com:8080/x" looks like a scheme but is a host with a port.
  const isHostPort = scheme !== undefined && /^[a-z0-9.-]+\.[a-z]{2,}:\d+/i.test(trimmed);
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && !isHostPort) {
    return {
      ok: false,
      message: `The link ${show(trimmed)} was not imported: only web addresses (https or http) are kept.`,
    };
  }
  const parsed = parseWebUrl(isHostPort ? `https://${trimmed}` : trimmed);
  if (!parsed.ok) return { ok: false, message: `The link ${show(trimmed)} is not a web address and was not imported.` };
  return { ok: true, url: parsed.value, linkedin: hintLinkedin || isLinkedinUrl(parsed.value) };
}

function isLinkedinUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'linkedin.com' || host.endsWith('.linkedin.com');
  } catch {
    return false;
  }
}
