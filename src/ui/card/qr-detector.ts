/**
 * Reads QR codes from a video frame: the browser's own BarcodeDetector where it
 * has one that knows QR codes, otherwise the barcode-detector ponyfill (ZXing
 * compiled to WebAssembly), loaded only when a scan starts. Its wasm is bundled
 * with the app and precached — never fetched from a CDN — so scanning works offline.
 */

export interface QrDetector {
  /** Which decoder is in use, for the status line and tests. */
  kind: 'native' | 'zxing';
  /** The text of every QR code in the frame (usually none or one). */
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap): Promise<string[]>;
}

interface DetectorLike {
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options?: { formats?: string[] }): DetectorLike;
  getSupportedFormats(): Promise<readonly string[]>;
}

let zxing: Promise<QrDetector> | null = null;

async function nativeDetector(): Promise<QrDetector | null> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Native) return null;
  try {
    if (!(await Native.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Native({ formats: ['qr_code'] });
    return { kind: 'native', detect: async (source) => (await detector.detect(source)).map((b) => b.rawValue) };
  } catch {
    return null; // a half-working native API: fall back to ZXing
  }
}

function loadZxing(): Promise<QrDetector> {
  zxing ??= (async () => {
    const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
      import('barcode-detector/ponyfill'),
      import('zxing-wasm/reader/zxing_reader.wasm?url'),
    ]);
    // Instantiate now, from our own copy, so a failure shows here and not on the first frame.
    await prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) =>
          path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path,
      },
      fireImmediately: true,
    });
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    return {
      kind: 'zxing' as const,
      detect: async (source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap) =>
        (await detector.detect(source)).map((b) => b.rawValue),
    };
  })();
  zxing.catch(() => (zxing = null)); // let a later scan try again
  return zxing;
}

export async function makeQrDetector(): Promise<QrDetector> {
  return (await nativeDetector()) ?? loadZxing();
}
