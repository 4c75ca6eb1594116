/**
 * The only links contact data may become: tel:, mailto: and https:. Anything
 * else (javascript:, data:, plain http:) is shown as text, never as a link.
 */
export function telHref(phone: string): string | null {
  const dial = phone.replace(/(?:\s*(?:x|ext\.?|#)\s*(\d+))$/i, ',$1').replace(/[^\d+,]/g, '');
  return /^\+?\d{3,}(,\d+)?$/.test(dial) ? `tel:${dial}` : null;
}

export function mailtoHref(email: string): string | null {
  return /^[^\s@<>(),;:"?&#]+@[^\s@<>(),;:"?&#]+\.[^\s@<>(),;:"?&#]+$/.test(email) ? `mailto:${email}` : null;
}

export function httpsHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:') return `https:${parsed.href.slice('http:'.length)}`;
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A text message to a phone number, where the number can be dialled. */
export function smsHref(phone: string): string | null {
  const tel = telHref(phone);
  return tel === null || tel.includes(',') ? null : `sms:${tel.slice(4)}`;
}
