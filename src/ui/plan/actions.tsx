/** Step 5: the actions that close gaps — due date, status, done in one tap. */
import { createEffect, createMemo, createSignal, createUniqueId, on, Show } from 'solid-js';
import type { Action, ActionId, Community, Contact, Objective } from '../../model/index.ts';
import { localDay, type Gap } from '../../model/rules/index.ts';
import { DateField, SelectField, TextField } from '../components/fields.tsx';
import { PersonPicker } from '../components/person-picker.tsx';
import { showToast } from '../components/toasts.tsx';
import { AddTitled } from '../components/add-titled.tsx';
import { ByKey, idOf } from './by-key.tsx';
import { TIME_ZONE } from '../clock.ts';
import { ACTION_STATUS_LABELS, Day, options, Sentence } from '../words.tsx';
import { useWrites } from '../writes.ts';

const isOpen = (a: Action) => a.status === 'planned' || a.status === 'doing';
const byDue = (a: Action, b: Action) =>
  (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.createdAt.localeCompare(b.createdAt);

interface ActionContext {
  objectives: ReadonlyMap<string, Objective>;
  communities: ReadonlyMap<string, Community>;
  people: ReadonlyMap<string, Contact>;
  /** Live people by name, to pick the person an action is with. */
  livePeople: readonly Contact[];
  gapByKey: ReadonlyMap<string, Gap>;
  today: string;
}

export function ActionList(props: { actions: Action[]; ctx: ActionContext; highlight: ActionId | null }) {
  const write = useWrites();
  const open = createMemo(() => props.actions.filter(isOpen).sort(byDue));
  const finished = createMemo(() =>
    props.actions
      .filter((a) => !isOpen(a))
      .sort((a, b) => (b.doneAt ?? b.updatedAt).localeCompare(a.doneAt ?? a.updatedAt)),
  );
  const [showFinished, setShowFinished] = createSignal(false);
  return (
    <section class="card" aria-labelledby="actions-title" data-testid="actions">
      <p class="muted small">
        Concrete next steps: attend an event, join an association, write a post, ask for an introduction.
      </p>
      <AddTitled
        legend="Add an action"
        titleLabel="New action"
        placeholder="e.g. Go to the PyData meetup"
        submitLabel="Add action"
        onAdd={(title) => write.add('actions', { title }).problem}
      />
      <ul class="plan-items">
        <ByKey
          each={open()}
          key={idOf}
          fallback={<li class="muted small">Nothing planned. Plan an action from a gap above, or add one.</li>}
        >
          {(a) => <ActionItem action={a()} ctx={props.ctx} highlight={props.highlight === a().id} />}
        </ByKey>
      </ul>
      <Show when={finished().length}>
        <button
          type="button"
          class="link small"
          aria-expanded={showFinished()}
          onClick={() => setShowFinished(!showFinished())}
        >
          Done and dropped ({finished().length})
        </button>
        <Show when={showFinished()}>
          <ul class="plan-items">
            <ByKey each={finished()} key={idOf}>
              {(a) => <ActionItem action={a()} ctx={props.ctx} highlight={props.highlight === a().id} />}
            </ByKey>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

function ActionItem(props: { action: Action; ctx: ActionContext; highlight: boolean }) {
  const write = useWrites();
  const commit = write.field;
  const id = () => props.action.id;
  const [editing, setEditing] = createSignal(false);
  const editId = createUniqueId();
  let item!: HTMLLIElement;
  createEffect(
    on(
      () => props.highlight,
      (h) => {
        if (!h) return;
        item.scrollIntoView({
          block: 'center',
          behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
        });
        item.focus({ preventScroll: true });
      },
    ),
  );
  const markDone = () => {
    const before = props.action.status;
    const r = write.update('actions', id(), { status: 'done', doneAt: new Date().toISOString() });
    if (!r.ok) return showToast(r.problem);
    showToast(`Done: ${props.action.title}.`, {
      label: 'Undo',
      run: () => write.update('actions', id(), { status: before, doneAt: null }),
    });
  };
  const reopen = () => write.update('actions', id(), { status: 'planned', doneAt: null });
  const trash = () => {
    write.trash('actions', id());
    showToast(`“${props.action.title}” moved to the Trash.`, {
      label: 'Undo',
      run: () => write.restore('actions', id()),
    });
  };
  const about = () => {
    const a = props.action;
    const parts: string[] = [];
    const o = a.objectiveId ? props.ctx.objectives.get(a.objectiveId) : undefined;
    if (o) parts.push(`for “${o.title}”`);
    const c = a.communityId ? props.ctx.communities.get(a.communityId) : undefined;
    if (c) parts.push(`in ${c.name}`);
    const p = a.contactId ? props.ctx.people.get(a.contactId) : undefined;
    if (p) parts.push(`with ${p.name}`);
    return parts.join(' · ');
  };
  const gap = () => (props.action.gapKey ? props.ctx.gapByKey.get(props.action.gapKey) : undefined);
  return (
    <li
      ref={item}
      id={`action-${props.action.id}`}
      tabindex="-1"
      class="plan-item action"
      classList={{ highlight: props.highlight }}
      data-testid="action"
      data-status={props.action.status}
      aria-label={props.action.title}
    >
      <div class="plan-item-head">
        <Show
          when={isOpen(props.action)}
          fallback={
            <button type="button" class="small-button" onClick={reopen} aria-label={`Reopen ${props.action.title}`}>
              Reopen
            </button>
          }
        >
          <button type="button" class="done-button" onClick={markDone} aria-label={`Mark done: ${props.action.title}`}>
            <span aria-hidden="true">✓</span>
          </button>
        </Show>
        <div class="grow">
          <h3 class="wrap">{props.action.title}</h3>
          <p class="meta small">
            <span class="badge" data-status={props.action.status}>
              {ACTION_STATUS_LABELS[props.action.status]}
            </span>
            <span>
              <Show
                when={props.action.status === 'done' ? props.action.doneAt : props.action.dueOn}
                fallback={props.action.status === 'done' ? 'done' : 'no due date'}
              >
                {props.action.status === 'done' ? 'done' : 'due'}{' '}
                <Day
                  on={
                    props.action.status === 'done' && props.action.doneAt
                      ? localDay(props.action.doneAt, TIME_ZONE)
                      : props.action.dueOn
                  }
                  today={props.ctx.today}
                  none=""
                />
              </Show>
            </span>
            <Show when={about()}>
              <span class="wrap">{about()}</span>
            </Show>
          </p>
          <Show when={gap()}>
            {(g) => (
              <p class="small muted wrap closes">
                Closes the gap: <Sentence text={g().sentence} />
              </p>
            )}
          </Show>
        </div>
        <button
          type="button"
          class="small-button"
          aria-expanded={editing()}
          aria-controls={editId}
          onClick={() => setEditing(!editing())}
          aria-label={`Edit ${props.action.title}`}
        >
          {editing() ? 'Close' : 'Edit'}
        </button>
      </div>
      <Show when={editing()}>
        <div id={editId} class="plan-edit">
          <TextField label="Action" value={props.action.title} onCommit={commit('actions', id, 'title')} />
          <div class="grid-2">
            <DateField label="Due" value={props.action.dueOn} onCommit={commit('actions', id, 'dueOn')} />
            <SelectField
              label="Status"
              value={props.action.status}
              options={options(ACTION_STATUS_LABELS)}
              onCommit={(status) =>
                write.update('actions', id(), {
                  status,
                  doneAt: status === 'done' ? (props.action.doneAt ?? new Date().toISOString()) : null,
                }).problem
              }
            />
          </div>
          <div class="grid-2">
            <SelectField
              label="For the objective"
              value={props.action.objectiveId ?? ''}
              options={[
                { value: '', label: 'No objective' },
                ...[...props.ctx.objectives.values()].map((o) => ({ value: o.id as string, label: o.title })),
              ]}
              onCommit={(v) => commit('actions', id, 'objectiveId')(v === '' ? null : (v as Action['objectiveId']))}
              hint="Done, it counts towards that objective's gaps."
            />
            <SelectField
              label="In the community"
              value={props.action.communityId ?? ''}
              options={[
                { value: '', label: 'No community' },
                ...[...props.ctx.communities.values()].map((c) => ({ value: c.id as string, label: c.name })),
              ]}
              onCommit={(v) => commit('actions', id, 'communityId')(v === '' ? null : (v as Action['communityId']))}
            />
          </div>
          <PersonPicker
            label="With"
            people={props.ctx.livePeople}
            value={props.action.contactId}
            onPick={(v) => void commit('actions', id, 'contactId')(v)}
          />
          <TextField label="Notes" multiline value={props.action.notes} onCommit={commit('actions', id, 'notes')} />
          <button type="button" class="danger" onClick={trash}>
            Move to Trash
          </button>
        </div>
      </Show>
    </li>
  );
}
