/** Opens the back camera for scanning, with a sentence a person can act on when it cannot. */
import { err, ok, type Result } from '../../model/index.ts';

function cameraError(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Rapport may not use the camera. Allow the camera for this site in your browser’s settings, or paste the card text below.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this device. Paste the card text below instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another app or could not start. Close the other app and try again, or paste the card text below.';
    default:
      return `The camera could not be opened${e instanceof Error && e.message ? ` (${e.message})` : ''}. Paste the card text below instead.`;
  }
}

export async function openCamera(): Promise<Result<MediaStream, string>> {
  if (!navigator.mediaDevices?.getUserMedia)
    return err('This browser cannot open a camera here. Paste the card text below instead.');
  try {
    return ok(
      await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
    );
  } catch (e) {
    return err(cameraError(e));
  }
}

export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
