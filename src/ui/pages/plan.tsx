/** Plan: the five steps — objectives and offers side by side, gaps, actions. */
import { A } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import type { ActionId } from '../../model/index.ts';
import { ActionList } from '../plan/actions.tsx';
import { CoverageTable } from '../plan/coverage.tsx';
import { createPlanData } from '../plan/data.ts';
import { GapList } from '../plan/gaps.tsx';
import { ObjectivesAndOffers } from '../plan/step-one.tsx';
import { SuggestionsProvider } from '../components/suggestions.tsx';
import { afterPaint } from '../sliced.ts';
import { createLive } from '../space.tsx';
import '../plan/plan.css';

export default function Plan() {
  const data = createPlanData();
  const objectives = createLive('objectives');
  const offers = createLive('offers');
  const communities = createLive('communities');
  const actions = createLive('actions');
  const objectiveById = createMemo(() => new Map(objectives().map((o) => [o.id as string, o])));
  const communityById = createMemo(() => new Map(communities().map((c) => [c.id as string, c])));
  const gapByKey = createMemo(() => {
    const r = data.report();
    return new Map(r ? [...r.gaps, ...r.closed].map((g) => [g.key, g]) : []);
  });
  const actionById = createMemo(() => new Map(actions().map((a) => [a.id as string, a])));
  // One object while its parts stay the same: each action reads it several times.
  const actionContext = createMemo(() => ({
    objectives: objectiveById(),
    communities: communityById(),
    people: data.personById(),
    livePeople: data.people(),
    gapByKey: gapByKey(),
    today: data.today(),
  }));
  const [highlight, setHighlight] = createSignal<ActionId | null>(null);
  const [listed, setListed] = createSignal(false);
  void afterPaint().then(() => setListed(true));
  const onPlanned = (id: ActionId) => {
    setHighlight(null);
    queueMicrotask(() => setHighlight(id));
  };
  const openActions = () => actions().filter((a) => a.status === 'planned' || a.status === 'doing').length;
  const jump = (id: string) => document.getElementById(id)?.scrollIntoView({ block: 'start' });
  const empty = () => objectives().length === 0 && offers().length === 0;

  return (
    <SuggestionsProvider>
      <section aria-labelledby="plan-title" class="plan-page">
        <div class="row spread">
          <h1 id="plan-title">Plan</h1>
          <nav class="row small sub-nav" aria-label="More of the plan">
            <A href="/map">Communities</A>
            <A href="/stakeholders">Stakeholders</A>
            <A href="/give-and-take">Give and take</A>
          </nav>
        </div>
        <Show when={!empty()}>
          <p class="small plan-summary">
            <button type="button" class="link inline-link" onClick={() => jump('gaps-title')}>
              <Show when={data.report()} fallback="Finding gaps…">
                {(r) => (r().gaps.length === 1 ? '1 gap' : `${r().gaps.length} gaps`)}
              </Show>
            </button>
            {' · '}
            <button type="button" class="link inline-link" onClick={() => jump('actions-title')}>
              {openActions() === 1 ? '1 action planned' : `${openActions()} actions planned`}
            </button>
          </p>
        </Show>
        <Show when={empty()}>
          <div class="card intro" data-testid="plan-intro">
            <p>
              <strong>Start with step 1: what you want, and what you can offer.</strong>
            </p>
            <p class="small">
              Write one thing you hope your network helps with — a field to learn, a role, support for a project — and
              one thing you could give others. Rapport then finds the gaps and helps you plan the next step.
            </p>
            <p class="small">
              <A href="/welcome">Walk through all five steps</A>
            </p>
          </div>
        </Show>
        <h2 class="step-title">
          <span class="step-no">1</span> Objectives and offers
        </h2>
        <ObjectivesAndOffers people={data.people()} today={data.today()} />
        <p class="small muted steps-elsewhere">
          Steps 2 and 3 — your communities and what you could offer each — are on the <A href="/map">Map</A>.
        </p>
        <h2 class="step-title" id="gaps-title">
          <span class="step-no">4</span> Gaps
        </h2>
        {/* The frame first; the gaps and the grid once found, in slices after the first paint. */}
        <Show
          when={data.report()}
          fallback={
            <>
              <section class="card" aria-labelledby="gaps-title" data-testid="gaps" aria-busy="true">
                <p class="muted small" role="status">
                  Finding gaps…
                </p>
              </section>
              <section class="card" aria-labelledby="coverage-title" data-testid="coverage" aria-busy="true">
                <h2 id="coverage-title">Who can help, where</h2>
                <p class="muted small">Finding who can help with each objective…</p>
              </section>
            </>
          }
        >
          {(report) => (
            <>
              <GapList
                gaps={report().gaps}
                closed={report().closed}
                objectives={objectiveById()}
                people={data.people()}
                actionTitle={(id) => actionById().get(id)?.title ?? null}
                onPlanned={onPlanned}
              />
              <CoverageTable
                grid={report().coverage}
                objectives={objectiveById()}
                communities={communityById()}
                people={data.personById()}
                allPeople={data.people()}
              />
            </>
          )}
        </Show>
        <h2 class="step-title" id="actions-title">
          <span class="step-no">5</span> Actions
        </h2>
        {/* Step 5 is screens below the first one on a phone: listed once the first screen is painted. */}
        <Show
          when={listed()}
          fallback={
            <section class="card" aria-labelledby="actions-title" data-testid="actions" aria-busy="true">
              <p class="muted small">Listing your actions…</p>
            </section>
          }
        >
          <ActionList actions={actions()} highlight={highlight()} ctx={actionContext()} />
        </Show>
      </section>
    </SuggestionsProvider>
  );
}
