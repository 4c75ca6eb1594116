/**
 * Settings → Import: choose or drop a file; it is refused at once when too
 * large, otherwise read in a worker with a progress bar, then previewed. Only
 * Confirm writes, in one step that one Undo takes back.
 */
import { createEffect, createSignal, Match, on, onCleanup, onMount, Show, Switch } from 'solid-js';
import { checkSize } from '../../io/limits.ts';
import { planImportInSteps, type ChosenImport } from '../../io/match.ts';
import { parseFileOffMainThread } from '../../io/worker-client.ts';
import type { ImportResult } from '../../store/import.ts';
import { readAll } from '../../store/entities.ts';
import { applyImportInSteps } from '../../store/import-steps.ts';
import type { Undoable } from '../../store/undo.ts';
import { dismissToast, showToast } from '../components/toasts.tsx';
import { liveIn, useSpace } from '../space.tsx';
import { FileDrop, scrollToOwnHash } from './file-drop.tsx';
import { ImportPreview } from './import-preview.tsx';
import {
  handedOver,
  lastImport as last,
  setLastImport as setLast,
  takeHandedOver,
  type ImportStage,
  type ParsedOk,
} from './import-state.ts';
import './import-export.css';
import { grouped, personCount } from '../../model/rules/words.ts';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const ACCEPT = '.vcf,.vcard,.csv,.json,text/vcard,text/x-vcard,text/csv,application/json';

export function ImportPanel() {
  const { doc } = useSpace();
  const [stage, setStage] = createSignal<ImportStage>({ kind: 'idle' });
  let run = 0; // a newer file makes an older read's result stale
  let heading: HTMLHeadingElement | undefined;

  let resultToast: number | null = null;

  const preview = async (name: string, parsed: ParsedOk, mine: number) => {
    // Planned against the people here now, in steps so the screen keeps responding;
    // the write re-checks each person at confirm time.
    // The session's shared view of the people: read once, not again per import.
    performance.mark('rapport:import-planning');
    const plan = await planImportInSteps(
      parsed.report.drafts,
      liveIn(doc, 'contacts')(),
      parsed.report.invalid,
      nextTask,
      { communities: readAll(doc, 'communities').items },
    );
    performance.mark('rapport:import-planned'); // marks let bench/import-again.bench.ts report each phase
    if (mine !== run) return;
    setStage({ kind: 'preview', name, parsed, plan });
    // The preview opens below the picker: bring its start into view, and focus there. Solid has
    // drawn it by now; the layout the focus needs runs as a task of its own, not in the one that
    // built the preview (together, a third of a second on a phone).
    setTimeout(() => {
      const title = document.getElementById('preview-title');
      title?.focus({ preventScroll: true });
      title?.scrollIntoView({ block: 'start' });
    }, 0);
  };

  const choose = async (file: File) => {
    const mine = ++run;
    const tooLarge = checkSize(file.size);
    if (tooLarge) return setStage({ kind: 'failed', name: file.name, message: tooLarge.message });
    setStage({ kind: 'reading', name: file.name, done: 0, total: 1 });
    try {
      const parsed = await parseFileOffMainThread(file, (done, total) => {
        if (mine === run) setStage({ kind: 'reading', name: file.name, done, total });
      });
      if (mine !== run) return;
      performance.mark('rapport:import-parsed');
      if (!parsed.ok) return setStage({ kind: 'failed', name: file.name, message: parsed.error.message });
      // Receiving a big result is one task already: plan the preview in the next one.
      setStage({ kind: 'reading', name: file.name, done: 1, total: 1 });
      await nextTask();
      if (mine === run) await preview(file.name, parsed, mine);
    } catch (e) {
      if (mine === run)
        setStage({
          kind: 'failed',
          name: file.name,
          message: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`,
        });
    }
  };

  // A backup handed over by Restore (this space was not empty): preview its people.
  createEffect(
    on(handedOver, (h) => {
      if (!h) return;
      const taken = takeHandedOver();
      if (taken) void preview(taken.name, taken.parsed, ++run);
    }),
  );

  const undo = (name: string, undoable: Undoable<ImportResult>) => {
    if (last()?.undoable === undoable) setLast(null);
    // The toast that offered this Undo must not offer it again.
    if (resultToast !== null) dismissToast(resultToast), (resultToast = null);
    showToast(undoable.undo() ? `The import of ${name} was taken back.` : 'There was nothing left to take back.');
  };

  const confirm = async (chosen: ChosenImport) => {
    const s = stage();
    if (s.kind !== 'preview') return;
    const mine = ++run;
    const total = chosen.plan.newPeople.length + chosen.plan.matches.filter((m) => m.changes.length > 0).length;
    setStage({ kind: 'writing', name: s.name, done: 0, total });
    await nextFrame(); // "Saving…" shows before the first step
    // In steps with the event loop free between them: the screen keeps responding, and one Undo takes it all back.
    const undoable = await applyImportInSteps(doc, chosen, {
      onProgress: (done) => mine === run && setStage({ kind: 'writing', name: s.name, done, total }),
    });
    setLast({ name: s.name, undoable });
    if (mine === run) setStage({ kind: 'idle' });
    const { created, updated, planned, communities, rejected } = undoable.result;
    const parts = [`Added ${personCount(created.length)}`];
    if (updated.length) parts.push(`updated ${grouped(updated.length)}`);
    if (communities.length)
      parts.push(`made ${grouped(communities.length)} ${communities.length === 1 ? 'community' : 'communities'}`);
    if (planned.length)
      parts.push(`planned ${grouped(planned.length)} ${planned.length === 1 ? 'congratulation' : 'congratulations'}`);
    if (rejected.length) parts.push(`${grouped(rejected.length)} could not be written`);
    resultToast = showToast(
      `${parts.join(', ')} from ${s.name}.`,
      { label: 'Undo', run: () => undo(s.name, undoable) },
      20_000,
    );
    if (mine === run) heading?.focus();
  };

  onCleanup(() => (run = -1));
  onMount(() => scrollToOwnHash('import'));

  const chosenName = () => {
    const s = stage();
    return s.kind === 'reading' || s.kind === 'preview' || s.kind === 'writing' ? s.name : null;
  };
  const percent = (s: { done: number; total: number }) =>
    s.total > 0 ? Math.min(100, Math.round((s.done / s.total) * 100)) : 0;

  return (
    <section class="card" id="import" aria-labelledby="import-title">
      <h2 class="mt-0" id="import-title" ref={heading} tabindex="-1">
        Import
      </h2>
      <p>
        Bring people in from your phone’s address book (vCard), LinkedIn (Connections.csv), Google Contacts or Outlook
        (CSV), or Rapport’s own CSV or backup. You will see what changes before anything is saved.
      </p>
      <FileDrop
        label="Choose a file to import"
        accept={ACCEPT}
        disabled={stage().kind === 'reading' || stage().kind === 'writing'}
        onFile={(f) => void choose(f)}
        chosen={chosenName()}
        testId="import-drop"
        hint="Or drop it here. vCard (.vcf), CSV or Rapport backup (.json), up to 50 MB."
      />
      <Switch>
        <Match when={stage().kind === 'reading' && (stage() as Extract<ImportStage, { kind: 'reading' }>)}>
          {(s) => (
            <div class="progress-block">
              <label for="import-progress">Reading {s().name}</label>
              <progress id="import-progress" max="100" value={percent(s())} aria-describedby="import-progress-text" />
              <p class="small muted" id="import-progress-text" aria-live="polite" data-testid="import-progress">
                {percent(s())} % read. You can keep using Rapport meanwhile.
              </p>
            </div>
          )}
        </Match>
        <Match when={stage().kind === 'writing' && (stage() as Extract<ImportStage, { kind: 'writing' }>)}>
          {(s) => (
            <div class="progress-block">
              <label for="import-progress">Saving the people from {s().name}</label>
              <progress id="import-progress" max="100" value={percent(s())} aria-describedby="import-progress-text" />
              <p class="small muted" id="import-progress-text" aria-live="polite" data-testid="import-progress">
                {grouped(s().done)} of {personCount(s().total)} saved.
              </p>
            </div>
          )}
        </Match>
        <Match when={stage().kind === 'failed' && (stage() as Extract<ImportStage, { kind: 'failed' }>)}>
          {(s) => (
            <p class="error problem wrap" role="alert" data-testid="import-error">
              {s().message}
            </p>
          )}
        </Match>
        <Match when={stage().kind === 'preview' && (stage() as Extract<ImportStage, { kind: 'preview' }>)}>
          {(s) => (
            <ImportPreview
              name={s().name}
              parsed={s().parsed}
              plan={s().plan}
              onConfirm={(chosen) => void confirm(chosen)}
              onCancel={() => {
                setStage({ kind: 'idle' });
                heading?.focus();
              }}
            />
          )}
        </Match>
      </Switch>
      <Show when={last()}>
        {(l) => (
          <p class="row small" data-testid="last-import">
            <span class="wrap">
              Last import: {personCount(l().undoable.result.created.length)} added
              {l().undoable.result.updated.length ? `, ${grouped(l().undoable.result.updated.length)} updated` : ''}{' '}
              from {l().name}.
            </span>
            <button type="button" onClick={() => undo(l().name, l().undoable)}>
              Undo import
            </button>
          </p>
        )}
      </Show>
    </section>
  );
}
