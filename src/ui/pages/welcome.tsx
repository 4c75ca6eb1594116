/** First run: five short steps, each skippable, ending on Today. */
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Switch } from 'solid-js';
import { rememberWelcome } from '../welcome/redirect.ts';
import { CommunitiesStep, GapsStep, OfferStep, PeopleStep, WantStep } from '../welcome/steps.tsx';
import '../plan/plan.css';

const STEPS = [
  'What you want',
  'What you can offer',
  'Your communities',
  'A few people',
  'Gaps and a first action',
] as const;

export default function Welcome() {
  const navigate = useNavigate();
  const [step, setStep] = createSignal(0);
  let heading!: HTMLHeadingElement;
  const go = (n: number) => {
    if (n >= STEPS.length) return finish('done');
    setStep(n);
    queueMicrotask(() => heading.focus());
  };
  const finish = (how: 'done' | 'skipped') => {
    rememberWelcome(how);
    navigate('/', { replace: true });
  };
  const last = () => step() === STEPS.length - 1;
  let card!: HTMLDivElement;
  /**
   * Next adds what was typed and not yet added (a person expects "Next" to keep it), then moves
   * on; when it cannot be added, the step stays with the reason showing.
   */
  const addWhatWasTyped = (): boolean => {
    // Only the forms that add something typed (an objective, an offer, a community, a person).
    for (const form of card.querySelectorAll<HTMLFormElement>('form[data-adds-typed]')) {
      const typed = [
        ...form.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]):not([type=radio]), textarea'),
      ].some((i) => i.value.trim() !== '');
      if (typed) form.requestSubmit();
    }
    return card.querySelector('.error') === null;
  };
  return (
    <section aria-labelledby="welcome-title" class="welcome">
      <div class="row spread">
        <h1 id="welcome-title">Welcome to Rapport</h1>
        <button type="button" class="link" onClick={() => finish('skipped')}>
          Skip the tour
        </button>
      </div>
      <p class="muted small">
        A calm, private place to be deliberate about your network: whom you know, what you want, what you can give, and
        what to do next. Everything stays on this device.
      </p>
      <ol class="welcome-steps small" aria-label="Steps">
        <For each={STEPS}>
          {(s, i) => (
            <li aria-current={i() === step() ? 'step' : undefined} data-done={i() < step() ? '' : undefined}>
              {i() + 1}. {s}
            </li>
          )}
        </For>
      </ol>
      <div class="card welcome-card" ref={card}>
        <h2 ref={heading} tabindex="-1" data-testid="welcome-step">
          Step {step() + 1} of {STEPS.length}: {STEPS[step()]}
        </h2>
        <Switch>
          <Match when={step() === 0}>
            <WantStep />
          </Match>
          <Match when={step() === 1}>
            <OfferStep />
          </Match>
          <Match when={step() === 2}>
            <CommunitiesStep />
          </Match>
          <Match when={step() === 3}>
            <PeopleStep />
          </Match>
          <Match when={step() === 4}>
            <GapsStep />
          </Match>
        </Switch>
        <div class="row welcome-nav">
          <button type="button" class="primary" onClick={() => addWhatWasTyped() && go(step() + 1)}>
            {last() ? 'Finish and go to Today' : 'Next'}
          </button>
          <button type="button" onClick={() => go(step() + 1)}>
            {last() ? 'Skip and go to Today' : 'Skip this step'}
          </button>
          <button type="button" class="link" disabled={step() === 0} onClick={() => go(step() - 1)}>
            Back
          </button>
        </div>
      </div>
    </section>
  );
}
