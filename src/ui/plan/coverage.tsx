/**
 * The objective × community grid as a table that reads like a heatmap: each
 * cell's colour says how fresh the relationships are, and its text says so too.
 */
import { createSignal, For, Show } from 'solid-js';
import type { Community, Contact, Objective, ObjectiveId } from '../../model/index.ts';
import { exactDay, relativeDay, type CoverageCell, type CoverageGrid } from '../../model/rules/index.ts';
import { LinkPerson } from './link-person.tsx';
import { FRESHNESS_LABELS } from '../words.tsx';

const MAX_NAMES = 3;

export function CoverageTable(props: {
  grid: CoverageGrid;
  objectives: ReadonlyMap<string, Objective>;
  communities: ReadonlyMap<string, Community>;
  people: ReadonlyMap<string, Contact>;
  allPeople: readonly Contact[];
}) {
  const [linking, setLinking] = createSignal<ObjectiveId | null>(null);
  const name = (id: string) => props.people.get(id)?.name ?? 'someone';
  const linkingObjective = () => {
    const id = linking();
    return id ? props.objectives.get(id) : undefined;
  };
  return (
    <section class="card" aria-labelledby="coverage-title" data-testid="coverage">
      <h2 id="coverage-title">Who can help, where</h2>
      <p class="muted small">
        Each objective against each community: who there can help, and how recently you were in touch — fresh (within a
        month), warm (within three), stale (longer, or never).
      </p>
      <Show
        when={props.grid.rows.length}
        fallback={<p class="muted small">Add an active objective to see who can help with it.</p>}
      >
        <div class="table-scroll" role="region" aria-label="The grid, which scrolls sideways" tabindex="0">
          <table class="coverage">
            <caption class="visually-hidden">
              Who can help with each objective, by community, and how fresh those relationships are
            </caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <For each={props.grid.communityIds}>
                  {(id) => (
                    <th scope="col">
                      <span class="col-name">{props.communities.get(id)?.name ?? 'A community'}</span>
                    </th>
                  )}
                </For>
                <th scope="col">
                  <span class="col-name">No community</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.grid.rows}>
                {(row) => (
                  <tr>
                    <th scope="row">
                      <span class="row-name">{props.objectives.get(row.objectiveId)?.title ?? 'An objective'}</span>
                      <button
                        type="button"
                        class="link small"
                        aria-label={`Link a person to ${props.objectives.get(row.objectiveId)?.title ?? 'this objective'}`}
                        aria-pressed={linking() === row.objectiveId}
                        onClick={() => setLinking(linking() === row.objectiveId ? null : row.objectiveId)}
                      >
                        + Link
                      </button>
                    </th>
                    <For each={row.cells}>{(cell) => <Cell cell={cell} name={name} today={props.grid.today} />}</For>
                    <Cell cell={row.withoutCommunity} name={name} today={props.grid.today} />
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={linkingObjective()}>
          {(o) => (
            <div class="coverage-link">
              <p class="small">
                Who can help with <em>{o().title}</em>?
              </p>
              <LinkPerson
                objectiveId={o().id}
                objectiveTitle={o().title}
                people={props.allPeople}
                label="Choose a person"
              />
            </div>
          )}
        </Show>
        <p class="legend small" aria-hidden="true">
          <span class="swatch" data-fresh="fresh" /> Fresh <span class="swatch" data-fresh="warm" /> Warm{' '}
          <span class="swatch" data-fresh="stale" /> Stale <span class="swatch" data-fresh="none" /> Nobody
        </p>
      </Show>
    </section>
  );
}

function Cell(props: { cell: CoverageCell; name: (id: string) => string; today: string }) {
  const names = () => props.cell.contactIds.map(props.name);
  const fresh = () => props.cell.freshness ?? 'none';
  const when = () =>
    props.cell.lastContactOn
      ? `last in touch ${relativeDay(props.cell.lastContactOn, props.today)}`
      : props.cell.contactIds.length
        ? 'never in touch'
        : '';
  return (
    <td
      class="cell"
      data-fresh={fresh()}
      title={props.cell.lastContactOn ? exactDay(props.cell.lastContactOn) : undefined}
    >
      <Show
        when={props.cell.freshness}
        fallback={
          <span class="muted">
            —<span class="visually-hidden">nobody</span>
          </span>
        }
      >
        {(f) => (
          <>
            <span class="fresh-label">{FRESHNESS_LABELS[f()]}</span>
            <span class="cell-names">
              {names().slice(0, MAX_NAMES).join(', ')}
              {names().length > MAX_NAMES ? ` +${names().length - MAX_NAMES}` : ''}
            </span>
            <span class="visually-hidden">, {when()}</span>
          </>
        )}
      </Show>
    </td>
  );
}
