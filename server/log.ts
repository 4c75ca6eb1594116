/**
 * One line per event on stderr: `time event key=value ...`. Values are scalars chosen by the
 * caller; never pass document contents, tokens or codes. URLs go through `redactUrl` because
 * query strings may carry a token.
 */
type LogValue = string | number | boolean | null | undefined;

export function redactUrl(url: string | undefined): string {
  if (url === undefined) return '';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  // Keep the line parseable and free of control characters an attacker could inject.
  const clean = path.replace(/[^\x21-\x7e]/g, '?').slice(0, 200);
  return q === -1 ? clean : `${clean}?[redacted]`;
}

/** Enough of an id to follow one space or device through the log without publishing the whole id. */
export const short = (id: string): string => id.slice(0, 6);

function format(value: LogValue): string {
  if (value === undefined || value === null) return '-';
  const text = String(value).replace(/[^\x21-\x7e]/g, '_');
  return text.length > 200 ? text.slice(0, 200) : text;
}

export type Logger = (event: string, fields?: Record<string, LogValue>) => void;

export function makeLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return (event, fields = {}) => {
    let line = `${new Date().toISOString()} ${event}`;
    for (const [key, value] of Object.entries(fields)) line += ` ${key}=${format(value)}`;
    write(`${line}\n`);
  };
}
