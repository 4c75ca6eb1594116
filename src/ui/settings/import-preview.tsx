/**
 * The preview of an import, before anything is written: new people, people
 * already here and what merging changes, rows that cannot be used and why, and
 * what was left out on the way in. Everything from the file is shown as text.
 */
import { For, Show } from 'solid-js';
import { FORMAT_NAMES } from '../../io/formats.ts';
import type { FieldChange, ImportMatch, ImportPlan } from '../../io/match.ts';
import type { ParsedOk } from './import-state.ts';

const SHOWN_PROBLEMS = 20;
const SHOWN_MATCHES = 5;
const SHOWN_NEW = 5;

const people = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'person' : 'people'}`;
const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A full date in words ("12 March 2024"); anything else as it is. */
function shown(value: string | number): string {
  const s = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return clip(s);
  const d = new Date(`${s}T12:00:00`);
  return Number.isNaN(d.getTime()) ? s : d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
}

function describeChange(c: FieldChange): string {
  if (c.kind === 'fill') return `${c.label}: “${shown(c.value)}”`;
  if (c.kind === 'add') return `${c.label}: adds ${c.value.map((v) => `“${clip(v, 50)}”`).join(', ')}`;
  if (c.field === 'notes') return `Notes: adds “${clip(c.value)}”`;
  return `${c.label}: keeps “${clip(c.kept, 40)}”, notes “${clip(c.value, 40)}”`;
}

/** Remarks the parsers attached to people ("photo not imported"), counted. */
export function countNotes(plan: ImportPlan): [note: string, count: number][] {
  const counts = new Map<string, number>();
  for (const d of [...plan.newPeople, ...plan.matches.map((m) => m.draft)]) for (const n of d.notes) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function Match(props: { match: ImportMatch }) {
  return (
    <li data-testid="preview-match">
      <strong>{props.match.existingName}</strong> <span class="muted small">(same {props.match.matchedBy})</span>
      <Show when={props.match.changes.length} fallback={<span class="muted small"> — already up to date</span>}>
        <ul>
          <For each={props.match.changes.slice(0, 6)}>{(c) => <li class="small">{describeChange(c)}</li>}</For>
          <Show when={props.match.changes.length > 6}>
            <li class="small muted">and {props.match.changes.length - 6} more changes</li>
          </Show>
        </ul>
      </Show>
    </li>
  );
}

export function ImportPreview(props: { name: string; parsed: ParsedOk; plan: ImportPlan; onConfirm: () => void; onCancel: () => void }) {
  const withChanges = () => props.plan.matches.filter((m) => m.changes.length > 0);
  const upToDate = () => props.plan.matches.length - withChanges().length;
  const warnings = () => props.parsed.report.warnings;
  const notes = () => countNotes(props.plan);
  const writes = () => props.plan.newPeople.length + withChanges().length;
  return (
    <div class="preview" data-testid="import-preview" aria-labelledby="preview-title">
      <h3 id="preview-title" tabindex="-1">
        Preview of {props.name}
      </h3>
      <p class="small muted wrap">
        Read as {FORMAT_NAMES[props.parsed.format]}. Nothing has been written yet.
      </p>
      <ul class="counts">
        <li data-testid="count-new">
          <strong>{props.plan.newPeople.length.toLocaleString()}</strong> new {props.plan.newPeople.length === 1 ? 'person' : 'people'}
        </li>
        <li data-testid="count-merge">
          <strong>{props.plan.matches.length.toLocaleString()}</strong> already here
        </li>
        <li data-testid="count-invalid">
          <strong>{props.plan.invalid.length.toLocaleString()}</strong> {props.plan.invalid.length === 1 ? 'row' : 'rows'} not usable
        </li>
      </ul>

      <Show when={props.parsed.format === 'rapport-backup'}>
        <p class="small">This is a Rapport backup: only its people are added here. To bring back everything (plans, interactions, your card) into an empty app, use Restore under Export.</p>
      </Show>

      <Show when={props.plan.newPeople.length}>
        <h4 class="small">New</h4>
        <p class="small wrap" data-testid="preview-new">
          {props.plan.newPeople
            .slice(0, SHOWN_NEW)
            .map((d) => d.values.name)
            .join(', ')}
          {props.plan.newPeople.length > SHOWN_NEW ? ` and ${people(props.plan.newPeople.length - SHOWN_NEW)} more` : ''}
        </p>
      </Show>

      <Show when={props.plan.matches.length}>
        <h4 class="small">Already here — merged field by field</h4>
        <p class="small">
          Same email, phone or LinkedIn profile as someone you have. Empty fields are filled and lists joined; where both have a different value, yours is kept and the imported one is added to Notes.
          {upToDate() ? ` ${people(upToDate())} already up to date.` : ''}
        </p>
        <ul>
          <For each={withChanges().slice(0, SHOWN_MATCHES)}>{(m) => <Match match={m} />}</For>
        </ul>
        <Show when={withChanges().length > SHOWN_MATCHES}>
          <p class="small muted">and {people(withChanges().length - SHOWN_MATCHES)} more with changes.</p>
        </Show>
      </Show>

      <Show when={props.plan.mergedInFile.length}>
        <p class="small">
          {props.plan.mergedInFile.length.toLocaleString()} {props.plan.mergedInFile.length === 1 ? 'entry was' : 'entries were'} the same person as an earlier one in the file and {props.plan.mergedInFile.length === 1 ? 'was' : 'were'} combined with it.
        </p>
      </Show>

      <Show when={props.plan.invalid.length}>
        <h4 class="small problem">Not usable</h4>
        <ul data-testid="preview-invalid">
          <For each={props.plan.invalid.slice(0, SHOWN_PROBLEMS)}>
            {(p) => (
              <li class="small">
                Line {p.line}: {p.reason}
              </li>
            )}
          </For>
        </ul>
        <Show when={props.plan.invalid.length > SHOWN_PROBLEMS}>
          <p class="small muted">and {(props.plan.invalid.length - SHOWN_PROBLEMS).toLocaleString()} more.</p>
        </Show>
      </Show>

      <Show when={warnings().length || notes().length}>
        <h4 class="small">Left out or changed on the way in</h4>
        <ul data-testid="preview-warnings">
          <For each={notes()}>
            {([note, count]) => (
              <li class="small">
                {note[0]?.toUpperCase()}
                {note.slice(1)} ({people(count)})
              </li>
            )}
          </For>
          <For each={warnings().slice(0, SHOWN_PROBLEMS)}>
            {(w) => (
              <li class="small">
                {w.line > 0 ? `Line ${w.line}: ` : ''}
                {w.message}
              </li>
            )}
          </For>
        </ul>
        <Show when={warnings().length > SHOWN_PROBLEMS}>
          <p class="small muted">and {(warnings().length - SHOWN_PROBLEMS).toLocaleString()} more remarks.</p>
        </Show>
      </Show>

      <div class="row">
        <button type="button" class="primary" onClick={() => props.onConfirm()} disabled={writes() === 0}>
          {writes() === 0 ? 'Nothing to import' : `Import ${people(props.plan.newPeople.length)}${withChanges().length ? `, update ${withChanges().length.toLocaleString()}` : ''}`}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
