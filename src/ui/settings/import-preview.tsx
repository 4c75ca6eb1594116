/**
 * The preview of an import, before anything is written: who changed role or
 * organisation (a reason to get in touch), who is new, who might be someone
 * already here (a person decides), who is already here and what taking the
 * file in would change, group by group, each taken or left. Rows that cannot
 * be used and why, and what was left out on the way in. Everything from the
 * file is shown as text.
 */
import { createMemo, createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { FORMAT_NAMES } from '../../io/formats.ts';
import {
  changeGroups,
  choiceKey,
  choosePlan,
  defaultChoices,
  GROUP_LABELS,
  holds,
  workChange,
  type ChangeGroup,
  type ChosenImport,
  type FieldChange,
  type ImportChoices,
  type ImportMatch,
  type ImportPlan,
  type WorkChange,
} from '../../io/match.ts';
import type { ContactId } from '../../model/index.ts';
import { grouped, listNames, personCount } from '../../model/rules/words.ts';
import { todayIso } from '../clock.ts';
import type { ParsedOk } from './import-state.ts';

const SHOWN_PROBLEMS = 20;
const FIRST_PAGE = 10;
const PAGE = 50;

const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A full date in words ("12 March 2024"); anything else as it is. */
function shown(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const s = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return clip(s, 60);
  // Worded as the rest of Rapport words days ("12 March 2024"), whatever the browser's locale.
  const d = new Date(`${s}T12:00:00Z`);
  return Number.isNaN(d.getTime())
    ? s
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function describeChange(c: FieldChange): string {
  if (c.kind === 'fill') return `${c.label}: “${shown(c.value)}”`;
  if (c.kind === 'replace') return `${c.label}: ${shown(c.from)} → ${shown(c.value)}`;
  if (c.kind === 'add') return `${c.label}: adds ${c.value.map((v) => `“${clip(v, 50)}”`).join(', ')}`;
  if (c.kind === 'join') return `${c.label}: adds “${clip(c.value, 60)}”`;
  return `${c.label}: “${clip(c.value, 40)}” kept in Notes`;
}

/** A group's changes in a line; a new role says when the organisation stays ("Organisation unchanged"). */
function describeGroup(group: ChangeGroup, changes: readonly FieldChange[], match: ImportMatch): string {
  const parts = changes.map(describeChange);
  if (group === 'work' && changes.some((c) => c.kind === 'replace')) {
    for (const field of ['role', 'organisation'] as const) {
      if (!changes.some((c) => c.field === field) && match.draft.values[field] !== '')
        parts.push(`${field === 'role' ? 'Role' : 'Organisation'} unchanged`);
    }
  }
  return parts.join(' · ');
}

function describeWork(w: WorkChange): string {
  const parts: string[] = [];
  if (w.role) parts.push(`${w.role.from} → ${w.role.to}`);
  if (w.organisation) parts.push(`${w.role ? 'at ' : ''}${w.organisation.from} → ${w.organisation.to}`);
  return parts.join(', ');
}

/** Remarks the parsers attached to people ("photo not imported"), counted. */
function countNotes(plan: ImportPlan): [note: string, count: number][] {
  const counts = new Map<string, number>();
  for (const d of [...plan.newPeople, ...plan.matches.map((m) => m.draft), ...plan.uncertain.map((m) => m.draft)])
    for (const n of d.notes) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** A list shown a page at a time: thousands of rows would freeze the screen for nothing. */
function Paged<T>(props: { items: readonly T[]; testId: string; more: string; children: (item: T) => JSX.Element }) {
  const [shownCount, setShown] = createSignal(FIRST_PAGE);
  return (
    <>
      <ul data-testid={props.testId}>
        <For each={props.items.slice(0, shownCount())}>{(item) => props.children(item)}</For>
      </ul>
      <Show when={props.items.length > shownCount()}>
        <button type="button" class="small" onClick={() => setShown((n) => n + PAGE)}>
          Show {grouped(Math.min(PAGE, props.items.length - shownCount()))} more {props.more} (of{' '}
          {grouped(props.items.length - shownCount())})
        </button>
      </Show>
    </>
  );
}
function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

export function ImportPreview(props: {
  name: string;
  parsed: ParsedOk;
  plan: ImportPlan;
  onConfirm: (chosen: ChosenImport) => void;
  onCancel: () => void;
}) {
  const [choices, setChoices] = createSignal<ImportChoices>(defaultChoices(props.plan));
  const chosen = createMemo(() => choosePlan(props.plan, choices(), todayIso()));
  // Each read once per plan: the plan of a LinkedIn export holds thousands of matches.
  const withChanges = createMemo(() => props.plan.matches.filter((m) => m.changes.length > 0));
  const upToDate = () => props.plan.matches.length - withChanges().length;
  const work = createMemo(() =>
    props.plan.matches.map((m) => workChange(m)).filter((w): w is WorkChange => w !== null),
  );
  const warnings = () => props.parsed.report.warnings;
  const notes = createMemo(() => countNotes(props.plan));
  const updates = () => chosen().plan.matches.filter((m) => m.changes.length > 0).length;
  const adds = () => chosen().plan.newPeople.length;
  const writes = () => adds() + updates();

  const takes = (id: ContactId, group: ChangeGroup) => !choices().left.has(choiceKey(id, group));
  const setTake = (id: ContactId, group: ChangeGroup, on: boolean) =>
    setChoices((c) => ({ ...c, left: toggled(c.left, choiceKey(id, group), !on) }));
  const setAll = (on: boolean) =>
    setChoices((c) => {
      const left = new Set<string>();
      if (!on)
        for (const m of [...props.plan.matches, ...props.plan.uncertain])
          for (const [g] of changeGroups(m.changes)) left.add(choiceKey(m.existingId, g));
      return { ...c, left };
    });
  const setSame = (id: ContactId, same: boolean) =>
    setChoices((c) => ({ ...c, samePerson: toggled(c.samePerson, id, same) }));
  const setCongratulate = (id: ContactId, on: boolean) =>
    setChoices((c) => ({ ...c, congratulate: toggled(c.congratulate, id, on) }));

  onMount(() => performance.mark('rapport:import-shown'));

  const Changes = (p: { match: ImportMatch }) => (
    <ul class="change-groups">
      <For each={changeGroups(p.match.changes)}>
        {([group, list]) => (
          <li>
            <label class="check">
              <input
                type="checkbox"
                checked={takes(p.match.existingId, group)}
                onChange={(e) => setTake(p.match.existingId, group, e.currentTarget.checked)}
              />
              <span>
                <span class="visually-hidden">
                  Take {GROUP_LABELS[group].toLowerCase()} for {p.match.existingName}:{' '}
                </span>
                {describeGroup(group, list, p.match)}
              </span>
            </label>
          </li>
        )}
      </For>
    </ul>
  );

  return (
    <div class="preview" role="region" data-testid="import-preview" aria-labelledby="preview-title">
      <h3 id="preview-title" tabindex="-1">
        Preview of {props.name}
      </h3>
      <p class="small muted wrap">Read as {FORMAT_NAMES[props.parsed.format]}. Nothing has been written yet.</p>
      <ul class="counts">
        <li data-testid="count-new">
          <strong>{grouped(props.plan.newPeople.length)}</strong> new{' '}
          {props.plan.newPeople.length === 1 ? 'person' : 'people'}
        </li>
        <li data-testid="count-merge">
          <strong>{grouped(props.plan.matches.length)}</strong> already here
        </li>
        <Show when={props.plan.uncertain.length}>
          <li data-testid="count-uncertain">
            <strong>{grouped(props.plan.uncertain.length)}</strong> to decide
          </li>
        </Show>
        <li data-testid="count-invalid">
          <strong>{grouped(props.plan.invalid.length)}</strong> {props.plan.invalid.length === 1 ? 'row' : 'rows'} not
          usable
        </li>
      </ul>
      <Show when={props.plan.newCommunities.length}>
        <p class="small wrap" data-testid="preview-new-communities">
          Creates{' '}
          {props.plan.newCommunities.length === 1
            ? 'a community'
            : `${grouped(props.plan.newCommunities.length)} communities`}{' '}
          you do not have yet: {listNames(props.plan.newCommunities, 6)}.
        </p>
      </Show>

      <Show when={props.parsed.format === 'rapport-backup'}>
        <p class="small">
          This is a Rapport backup: only its people are added here. To bring back everything (plans, interactions, your
          card) into an empty app, use Restore under Export.
        </p>
      </Show>

      <Show when={work().length}>
        <h4 class="small">New role or organisation since you last had them</h4>
        <p class="small">A reason to get in touch. Tick someone to plan a congratulation for today.</p>
        <Paged items={work()} testId="preview-work-changes" more="changes">
          {(w) => (
            <li>
              <label class="check">
                <input
                  type="checkbox"
                  checked={choices().congratulate.has(w.existingId)}
                  onChange={(e) => setCongratulate(w.existingId, e.currentTarget.checked)}
                />
                <span>
                  <strong>{w.name}</strong>: {describeWork(w)} <span class="muted">— congratulate?</span>
                </span>
              </label>
            </li>
          )}
        </Paged>
      </Show>

      <Show when={props.plan.newPeople.length}>
        <h4 class="small">New</h4>
        <Paged items={props.plan.newPeople} testId="preview-new" more="new people">
          {(d) => (
            <li class="small">
              <strong>{d.values.name}</strong> <span class="muted">{holds(d.values)}</span>
              <Show when={d.communities?.length}>
                <span class="muted"> · in {listNames(d.communities ?? [])}</span>
              </Show>
            </li>
          )}
        </Paged>
      </Show>

      <Show when={props.plan.uncertain.length}>
        <h4 class="small">Same name as someone here — is it them?</h4>
        <p class="small">
          Only the name agrees: nothing else confirms or rules it out. Unless you say they are the same person, they are
          added as someone new.
        </p>
        <div class="row">
          <button
            type="button"
            class="small"
            onClick={() =>
              setChoices((c) => ({ ...c, samePerson: new Set(props.plan.uncertain.map((m) => m.existingId)) }))
            }
          >
            All the same person
          </button>
          <button type="button" class="small" onClick={() => setChoices((c) => ({ ...c, samePerson: new Set() }))}>
            All someone new
          </button>
        </div>
        <Paged items={props.plan.uncertain} testId="preview-uncertain" more="to decide">
          {(m) => (
            <li data-testid="preview-uncertain-item">
              <fieldset class="decide">
                <legend>
                  <strong>{m.draft.values.name}</strong>
                </legend>
                <p class="small wrap">
                  In the file: {holds(m.draft.values)}. Here: {m.existingHolds}.
                </p>
                <label class="check">
                  <input
                    type="radio"
                    name={`same-${m.existingId}-${m.draft.line}`}
                    checked={choices().samePerson.has(m.existingId)}
                    onChange={() => setSame(m.existingId, true)}
                  />
                  <span>The same person — update {m.existingName}</span>
                </label>
                <label class="check">
                  <input
                    type="radio"
                    name={`same-${m.existingId}-${m.draft.line}`}
                    checked={!choices().samePerson.has(m.existingId)}
                    onChange={() => setSame(m.existingId, false)}
                  />
                  <span>Someone else — add as new</span>
                </label>
                <Show when={choices().samePerson.has(m.existingId) && m.changes.length}>
                  <Changes match={m} />
                </Show>
              </fieldset>
            </li>
          )}
        </Paged>
      </Show>

      <Show when={props.plan.matches.length}>
        <h4 class="small">Already here</h4>
        <p class="small">
          {withChanges().length
            ? 'Untick what you want to leave as it is. Nothing is lost: a value the file replaces is kept in Notes, and Undo takes the whole import back.'
            : 'Nothing in the file is new about them.'}
          {upToDate() ? ` ${personCount(upToDate())} already up to date.` : ''}
        </p>
        <Show when={withChanges().length > 1}>
          <div class="row">
            <button type="button" class="small" onClick={() => setAll(true)}>
              Take every change
            </button>
            <button type="button" class="small" onClick={() => setAll(false)}>
              Leave every change
            </button>
          </div>
        </Show>
        <Paged items={withChanges()} testId="preview-matches" more="people with changes">
          {(m) => (
            <li data-testid="preview-match">
              <strong>{m.existingName}</strong> <span class="muted small">({m.matchedBy})</span>
              <Changes match={m} />
            </li>
          )}
        </Paged>
      </Show>

      <Show when={props.plan.mergedInFile.length}>
        <p class="small">
          {grouped(props.plan.mergedInFile.length)}{' '}
          {props.plan.mergedInFile.length === 1 ? 'entry was' : 'entries were'} the same person as an earlier one in the
          file and {props.plan.mergedInFile.length === 1 ? 'was' : 'were'} combined with it.
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
          <p class="small muted">and {grouped(props.plan.invalid.length - SHOWN_PROBLEMS)} more.</p>
        </Show>
      </Show>

      <Show when={warnings().length || notes().length}>
        <h4 class="small">Left out or changed on the way in</h4>
        <ul data-testid="preview-warnings">
          <For each={notes()}>
            {([note, count]) => (
              <li class="small">
                {note[0]?.toUpperCase()}
                {note.slice(1)} ({personCount(count)})
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
          <p class="small muted">and {grouped(warnings().length - SHOWN_PROBLEMS)} more remarks.</p>
        </Show>
      </Show>

      <div class="row">
        <button type="button" class="primary" onClick={() => props.onConfirm(chosen())} disabled={writes() === 0}>
          {writes() === 0
            ? 'Nothing to import'
            : `Import ${personCount(adds())}${updates() ? `, update ${grouped(updates())}` : ''}`}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
