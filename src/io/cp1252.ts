/**
 * Windows-1252 decoding by hand: Node's TextDecoder treats it as Latin-1 and
 * turns 0x80–0x9F (€, “, ”, –, …) into control characters; browsers do not.
 * Labels as the WHATWG Encoding standard maps them to windows-1252.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

const LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
  'iso-ir-100',
  'cp819',
  'ibm819',
  'csisolatin1',
]);

export const isWindows1252 = (label: string) => LABELS.has(label.trim().toLowerCase());

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      codes.push(b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] as number) : b);
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
