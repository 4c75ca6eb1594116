/**
 * My card, handed over: a QR code of its vCard text (scanned by any phone's
 * camera), a .vcf download, and the system share sheet where the device has one.
 */
import QRCode from 'qrcode';
import { createResource, Show } from 'solid-js';
import { meToVCard } from '../../io/card.ts';
import type { Me } from '../../model/index.ts';
import { downloadText } from '../download.ts';
import { showToast } from '../components/toasts.tsx';

type Qr = { ok: true; url: string; withoutNotes: boolean } | { ok: false; message: string };

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, width: 560 } as const;

/** A long "What I do" can overflow a QR code; then the code carries the card without it. */
async function qrFor(me: Me): Promise<Qr> {
  const full = meToVCard(me);
  try {
    return { ok: true, url: await QRCode.toDataURL(full, QR_OPTIONS), withoutNotes: false };
  } catch {
    try {
      return {
        ok: true,
        url: await QRCode.toDataURL(meToVCard({ ...me, headline: '' }), QR_OPTIONS),
        withoutNotes: true,
      };
    } catch {
      return {
        ok: false,
        message: 'Your card holds too much for one QR code. Shorten a field, or share the .vcf file instead.',
      };
    }
  }
}

const fileName = (me: Me) =>
  `${
    me.name
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'card'
  }.vcf`;

function canShareFiles(): boolean {
  if (typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function') return false;
  try {
    return navigator.canShare({ files: [new File(['BEGIN:VCARD'], 'card.vcf', { type: 'text/vcard' })] });
  } catch {
    return false;
  }
}

export function CardShare(props: { me: Me }) {
  const [qr] = createResource(() => ({ ...props.me }), qrFor);
  const shareable = canShareFiles();
  const share = async () => {
    const file = new File([meToVCard(props.me)], fileName(props.me), { type: 'text/vcard' });
    try {
      await navigator.share({ files: [file], title: props.me.name });
    } catch (e) {
      // Closing the share sheet is a choice, not a failure.
      if (!(e instanceof DOMException && e.name === 'AbortError'))
        showToast(
          `The card could not be shared (${e instanceof Error ? e.message : String(e)}). Download the .vcf instead.`,
        );
    }
  };
  return (
    <section class="card" aria-labelledby="card-share-title">
      <h2 class="mt-0" id="card-share-title">
        Hand it over
      </h2>
      <Show
        when={props.me.name.trim()}
        fallback={
          <p>
            Fill in your card below — a name is enough to start — and it appears here as a QR code to show at an event.
          </p>
        }
      >
        <Show when={qr()} fallback={<p class="muted small">Making the QR code…</p>}>
          {(q) => (
            <Show
              when={q().ok && (q() as Extract<Qr, { ok: true }>)}
              fallback={
                <p class="problem" role="alert">
                  {(q() as Extract<Qr, { ok: false }>).message}
                </p>
              }
            >
              {(ok) => (
                <figure class="qr-figure">
                  <img
                    src={ok().url}
                    alt={`QR code of ${props.me.name}’s card`}
                    width="280"
                    height="280"
                    data-testid="card-qr"
                  />
                  <figcaption class="small muted">
                    Let the other person scan this with their phone’s camera.
                    {ok().withoutNotes
                      ? ' “What I do” is too long for the code and is left out of it; the .vcf file has it.'
                      : ''}
                  </figcaption>
                </figure>
              )}
            </Show>
          )}
        </Show>
        <div class="row">
          <button
            type="button"
            onClick={() => downloadText(fileName(props.me), meToVCard(props.me), 'text/vcard;charset=utf-8')}
          >
            Download my card (.vcf)
          </button>
          <Show when={shareable}>
            <button type="button" onClick={() => void share()}>
              Share my card
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
}
