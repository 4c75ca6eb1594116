/**
 * Drafting an introduction, double opt-in: a short message to each side, then
 * one to both. Written here on the device, editable; the user copies it or
 * opens it in their mail app (a mailto: link) and sends it themselves.
 * Nothing here is stored or sent.
 */
import { createSignal, createUniqueId, For, Show, untrack } from 'solid-js';
import type { Contact } from '../../model/index.ts';
import { draftIntroduction, mailtoUri, type IntroMessage, type IntroPerson } from '../../model/rules/index.ts';
import { showToast } from '../components/toasts.tsx';
import { createMe } from '../space.tsx';
import './introductions.css';

const asIntroPerson = (c: Contact): IntroPerson => ({
  name: c.name,
  role: c.role,
  organisation: c.organisation,
  whatTheyDo: c.whatTheyDo,
  needs: c.needs,
  emails: c.emails,
});

const STEP_HINT: Record<IntroMessage['audience'], string> = {
  a: 'First, ask each of them',
  b: 'First, ask each of them',
  both: 'Once both say yes',
};

/** `a` needs something; `b` could help. */
export function IntroDraft(props: { a: Contact; b: Contact }) {
  const me = createMe();
  // Drafted once when opened: later edits to either person do not overwrite what the user typed.
  const messages = untrack(() =>
    draftIntroduction(asIntroPerson(props.a), asIntroPerson(props.b), { name: me()?.name ?? '' }),
  );
  return (
    <div class="intro-draft" data-testid="intro-draft">
      <p class="muted small">
        Ask each of them first; once both say yes, introduce them. Nothing is sent from Rapport: copy a message, or open
        it in your mail app and send it yourself.
      </p>
      <For each={messages}>{(m, i) => <DraftMessage message={m} step={i() + 1} />}</For>
    </div>
  );
}

function DraftMessage(props: { message: IntroMessage; step: number }) {
  const id = createUniqueId();
  const [subject, setSubject] = createSignal(props.message.subject);
  const [body, setBody] = createSignal(props.message.body);
  const href = () => mailtoUri(props.message.emails, subject(), body());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${subject()}\n\n${body()}`);
      showToast('Message copied.');
    } catch {
      showToast('Could not copy here: select the message and copy it yourself.');
    }
  };
  return (
    <section class="intro-message" aria-labelledby={`${id}-title`} data-testid="intro-message">
      <h3 id={`${id}-title`} class="wrap">
        {props.step}. {props.message.label}
        <span class="muted small"> · {STEP_HINT[props.message.audience]}</span>
      </h3>
      <Show when={props.message.emails.length === 0}>
        <p class="muted small">No email address saved: the mail app will ask whom to send it to.</p>
      </Show>
      <div class="field">
        <label for={`${id}-subject`}>Subject</label>
        <input id={`${id}-subject`} value={subject()} onInput={(e) => setSubject(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${id}-body`}>Message</label>
        <textarea
          id={`${id}-body`}
          rows={Math.min(16, props.message.body.split('\n').length + 4)}
          value={body()}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <div class="row">
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={`Copy message ${props.step}, ${props.message.label.toLowerCase()}`}
        >
          Copy
        </button>
        <a
          class="button"
          href={href()}
          aria-label={`Open message ${props.step}, ${props.message.label.toLowerCase()}, in your mail app`}
        >
          Open in mail app
        </a>
      </div>
    </section>
  );
}
