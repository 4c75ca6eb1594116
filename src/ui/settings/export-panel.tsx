/**
 * Settings → Export: the network as vCard, CSV, a full JSON backup or a
 * calendar of what is due; and Restore, which brings a backup back into an
 * empty app exactly (or, when this app already holds people, offers to add the
 * backup's people through the Import preview instead).
 */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { checkSize } from '../../io/limits.ts';
import { parseFileOffMainThread } from '../../io/worker-client.ts';
import { COLLECTION_NOUNS, type CollectionName } from '../../model/index.ts';
import { restoreBackup, type RestoreCounts } from '../../store/backup.ts';
import { showToast } from '../components/toasts.tsx';
import { createLive, useSpace } from '../space.tsx';
import { downloadText } from '../download.ts';
import { buildExport, type ExportKind } from './export-files.ts';
import { FileDrop, scrollToOwnHash } from './file-drop.tsx';
import { handToImport, type ParsedOk } from './import-state.ts';
import './import-export.css';
import { grouped, personCount } from '../../model/rules/words.ts';

function summarise(counts: RestoreCounts): string {
  const parts = (Object.entries(counts) as [CollectionName, number][])
    .filter(([, n]) => n > 0)
    .map(([name, n]) =>
      name === 'contacts' ? personCount(n) : `${grouped(n)} ${COLLECTION_NOUNS[name]}${n === 1 ? '' : 's'}`,
    );
  return parts.length ? parts.join(', ') : 'nothing but your card';
}

function Restore() {
  const { doc } = useSpace();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<{ message: string; offer?: { name: string; parsed: ParsedOk } } | null>(
    null,
  );

  const choose = async (file: File) => {
    setProblem(null);
    const tooLarge = checkSize(file.size);
    if (tooLarge) return setProblem({ message: tooLarge.message });
    setBusy(`Reading ${file.name}…`);
    try {
      const parsed = await parseFileOffMainThread(file);
      if (!parsed.ok) return setProblem({ message: parsed.error.message });
      if (parsed.format !== 'rapport-backup')
        return setProblem({
          message: `${file.name} is not a Rapport backup. To add the people in it, use Import above.`,
        });
      // One transaction, so that one Undo takes it back: say so, and let that show, before it runs.
      setBusy(
        `Restoring ${personCount(parsed.backup.collections.contacts.length)} and everything else from ${file.name}…`,
      );
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const restored = restoreBackup(doc, parsed.backup);
      if (!restored.ok) {
        const offer =
          restored.error.type === 'not-empty' && parsed.report.drafts.length > 0
            ? { name: file.name, parsed }
            : undefined;
        return setProblem({ message: restored.error.message, offer });
      }
      const skipped = parsed.problems.length;
      const undoable = restored.value;
      showToast(
        `Restored ${summarise(undoable.result)} from ${file.name}.${skipped ? ` ${skipped} unreadable ${skipped === 1 ? 'entry was' : 'entries were'} left out.` : ''}`,
        {
          label: 'Undo',
          run: () =>
            showToast(undoable.undo() ? 'The restore was taken back.' : 'There was nothing left to take back.'),
        },
        20_000,
      );
    } catch (e) {
      setProblem({ message: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="restore">
      <h3>Restore from a backup</h3>
      <p class="small">
        Brings back everything in a Rapport backup — people, plans, interactions and your card — exactly as it was. It
        works in an empty app, for example on a new device.
      </p>
      <FileDrop
        label="Choose a backup to restore"
        accept=".json,application/json"
        disabled={busy() !== null}
        onFile={(f) => void choose(f)}
        hint="A rapport-backup-….json file from Export."
      />
      <Show when={busy()}>
        <p class="small muted" role="status">
          {busy()}
        </p>
      </Show>
      <Show when={problem()}>
        {(p) => (
          <div role="alert" data-testid="restore-error">
            <p class="problem wrap">{p().message}</p>
            <Show when={p().offer}>
              {(offer) => (
                <button
                  type="button"
                  onClick={() => {
                    setProblem(null);
                    handToImport(offer().name, offer().parsed);
                  }}
                >
                  Add its {personCount(offer().parsed.report.drafts.length)} instead
                </button>
              )}
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}

export function ExportPanel() {
  const { doc } = useSpace();
  const contacts = createLive('contacts');
  const count = createMemo(() => contacts().length);
  onMount(() => scrollToOwnHash('export'));
  const download = (kind: ExportKind) => {
    const file = buildExport(doc, kind);
    downloadText(file.filename, file.text, file.type);
    if (file.skipped)
      showToast(
        `${file.skipped} damaged ${file.skipped === 1 ? 'entry' : 'entries'} could not be read and ${file.skipped === 1 ? 'is' : 'are'} not in ${file.filename}.`,
      );
  };
  const options: { kind: ExportKind; label: string; what: () => string }[] = [
    {
      kind: 'vcard',
      label: 'Download vCard',
      what: () => `${personCount(count())}, for phones and address books (.vcf)`,
    },
    {
      kind: 'csv',
      label: 'Download CSV',
      what: () => `${personCount(count())} and their communities, for spreadsheets (.csv); Rapport reads it back`,
    },
    { kind: 'backup', label: 'Download backup', what: () => 'Everything, to restore later or elsewhere (.json)' },
    { kind: 'calendar', label: 'Download calendar', what: () => 'Follow-ups and planned actions (.ics)' },
  ];
  return (
    <section class="card" id="export" aria-labelledby="export-title">
      <h2 class="mt-0" id="export-title">
        Export
      </h2>
      <p>Your network is yours: take it anywhere, at any time. Files are made on this device and go nowhere else.</p>
      <div class="export-grid">
        <For each={options}>
          {(o) => (
            <button
              type="button"
              onClick={() => download(o.kind)}
              data-testid={`export-${o.kind}`}
              aria-describedby={`export-${o.kind}-what`}
            >
              <span>{o.label}</span>
              <span class="muted" id={`export-${o.kind}-what`}>
                {o.what()}
              </span>
            </button>
          )}
        </For>
      </div>
      <Restore />
    </section>
  );
}
