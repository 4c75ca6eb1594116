/**
 * Scan another person's QR card: opens the back camera, decodes QR codes (the
 * browser's BarcodeDetector, or ZXing loaded on demand, offline), reads the
 * payload as a vCard or MECARD and hands the contact draft to `onCard`. When
 * there is no camera or no permission it says so; pasting the card text always works.
 *
 *   <ScanCard onCard={(draft, warnings) => …} />
 *
 * It writes nothing itself: the page that mounts it decides what to do with the draft.
 */
import { createSignal, createUniqueId, onCleanup, Show } from 'solid-js';
import { parseScannedCard } from '../../io/card.ts';
import type { ContactDraft, LineWarning } from '../../io/types.ts';
import { openCamera, stopCamera } from './camera.ts';
import { makeQrDetector, type QrDetector } from './qr-detector.ts';
import './card.css';

interface ScanCardProps {
  /** A card was read; `draft.values` are checked contact values, safe to write. */
  onCard: (draft: ContactDraft, warnings: LineWarning[]) => void;
  /** Open the camera as soon as the component shows (the button is still there to reopen it). */
  autoStart?: boolean;
  /** The group's accessible name, e.g. "Scan their card"; defaults to "Scan a card". The mounting page gives the visible heading. */
  title?: string;
}

const FRAME_GAP_MS = 120; // ~8 decodes a second: quick enough, and leaves the main thread free

export function ScanCard(props: ScanCardProps) {
  const id = createUniqueId();
  const [scanning, setScanning] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [pasted, setPasted] = createSignal('');
  const [pasteProblem, setPasteProblem] = createSignal<string | null>(null);
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let session = 0;
  let lastRefused = '';

  const stop = () => {
    session++;
    clearTimeout(timer);
    stopCamera(stream);
    stream = null;
    if (video) video.srcObject = null;
    setScanning(false);
  };

  const found = (payload: string): boolean => {
    const card = parseScannedCard(payload);
    if (card.ok) {
      stop();
      setProblem(null);
      setStatus(`Read the card of ${card.draft.values.name}.`);
      props.onCard(card.draft, card.warnings);
      return true;
    }
    if (payload !== lastRefused) {
      lastRefused = payload;
      setStatus(card.error);
    }
    return false;
  };

  const loop = (mine: number, detector: QrDetector) => {
    timer = setTimeout(async () => {
      if (mine !== session || !video) return;
      try {
        if (video.readyState >= 2) {
          for (const text of await detector.detect(video)) if (mine === session && found(text)) return;
        }
      } catch {
        // One unreadable frame (e.g. while the camera warms up) is not worth a message.
      }
      if (mine === session) loop(mine, detector);
    }, FRAME_GAP_MS);
  };

  const start = async () => {
    stop();
    const mine = session;
    setProblem(null);
    lastRefused = '';
    setStatus('Opening the camera…');
    const camera = await openCamera();
    if (mine !== session) return camera.ok && stopCamera(camera.value);
    if (!camera.ok) {
      setStatus('');
      return setProblem(camera.error);
    }
    stream = camera.value;
    setScanning(true);
    if (video) {
      video.srcObject = stream;
      await video.play().catch(() => undefined);
    }
    let detector: QrDetector;
    try {
      detector = await makeQrDetector();
    } catch (e) {
      // The reason is technical (no WebAssembly, or a Content-Security-Policy without 'wasm-unsafe-eval'): for the console.
      console.error('Rapport: the QR reader could not start.', e);
      stop();
      setStatus('');
      return setProblem('This browser cannot read QR codes here. Paste the card text below instead.');
    }
    if (mine !== session) return;
    setStatus('Point the camera at the QR code of a card.');
    loop(mine, detector);
  };

  const usePasted = () => {
    const text = pasted().trim();
    if (!text) return setPasteProblem('Paste the text of a card first (it starts with BEGIN:VCARD or MECARD:).');
    const card = parseScannedCard(text);
    if (!card.ok) return setPasteProblem(card.error);
    setPasteProblem(null);
    setPasted('');
    props.onCard(card.draft, card.warnings);
  };

  onCleanup(stop);
  if (props.autoStart) queueMicrotask(() => void start());

  return (
    <div class="scan-card" data-testid="scan-card" role="group" aria-label={props.title ?? 'Scan a card'}>
      <div class="row">
        <Show
          when={scanning()}
          fallback={
            <button type="button" class="primary" onClick={() => void start()}>
              Scan a card with the camera
            </button>
          }
        >
          <button type="button" onClick={stop}>
            Stop the camera
          </button>
        </Show>
      </div>
      <div class="scan-view" hidden={!scanning()}>
        <video ref={video} muted playsinline aria-label="Camera view for scanning a QR card" />
      </div>
      <p class="small muted" role="status" aria-live="polite" data-testid="scan-status">
        {status()}
      </p>
      <Show when={problem()}>
        <p class="problem wrap" role="alert" data-testid="scan-problem">
          {problem()}
        </p>
      </Show>
      <details class="paste-card">
        <summary>Paste the card text instead</summary>
        <div class="field">
          <label for={`${id}-text`}>Card text (vCard or MECARD)</label>
          <textarea
            id={`${id}-text`}
            value={pasted()}
            onInput={(e) => setPasted(e.currentTarget.value)}
            spellcheck={false}
            aria-describedby={pasteProblem() ? `${id}-error` : undefined}
          />
          <Show when={pasteProblem()}>
            <p class="error" id={`${id}-error`} role="alert">
              {pasteProblem()}
            </p>
          </Show>
        </div>
        <button type="button" onClick={usePasted}>
          Use this card
        </button>
      </details>
    </div>
  );
}
