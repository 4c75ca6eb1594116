/**
 * An introduction as a workflow (issue 13 §3): asked → made → how it went.
 * Made, it is a give in the give-and-take ledger (to both sides when the user
 * made it) or a take (from whoever made it for the user), and a follow-up with
 * both sides is offered. Pure: the store writes what these rules return.
 */
import type { Introduction, IntroductionOutcome, LedgerEntry } from '../activity.ts';
import type { IsoDate } from '../fields.ts';
import type { ContactId, IntroductionId } from '../ids.ts';
import { err, ok, type Result } from '../result.ts';
import { addDays, exactDay } from './dates.ts';

export const OUTCOME_LABELS: Record<Exclude<IntroductionOutcome, ''>, string> = {
  met: 'They met',
  helped: 'It helped',
  nothing: 'Nothing came of it',
};

export type IntroductionProblem =
  | { type: 'SamePerson' }
  | { type: 'IntroducerIsASide' }
  | { type: 'NotMadeYet' }
  | { type: 'AlreadyMade' };

export function describeIntroductionProblem(p: IntroductionProblem): string {
  switch (p.type) {
    case 'SamePerson':
      return 'Choose two different people to introduce.';
    case 'IntroducerIsASide':
      return 'Whoever makes the introduction cannot also be one of the two people.';
    case 'NotMadeYet':
      return 'Mark the introduction as made first.';
    case 'AlreadyMade':
      return 'This introduction is already made.';
  }
}

/** Two different people, and an introducer (if any) who is neither of them. */
export function checkIntroductionSides(
  a: ContactId,
  b: ContactId,
  introducerId: ContactId | null,
): Result<true, IntroductionProblem> {
  if (a === b) return err({ type: 'SamePerson' });
  if (introducerId !== null && (introducerId === a || introducerId === b)) return err({ type: 'IntroducerIsASide' });
  return ok(true);
}

/** Moving an asked introduction to made, today unless it already has a date. */
export function madePatch(
  intro: Pick<Introduction, 'stage' | 'on'>,
  today: IsoDate,
): Result<{ stage: 'made'; on: IsoDate }, IntroductionProblem> {
  if (intro.stage === 'made') return err({ type: 'AlreadyMade' });
  return ok({ stage: 'made', on: intro.on ?? today });
}

/** Recording how it went; only once made. '' takes the outcome back. */
export function outcomePatch(
  intro: Pick<Introduction, 'stage'>,
  outcome: IntroductionOutcome,
  today: IsoDate,
): Result<{ outcome: IntroductionOutcome; outcomeOn: IsoDate | null }, IntroductionProblem> {
  if (intro.stage !== 'made') return err({ type: 'NotMadeYet' });
  return ok({ outcome, outcomeOn: outcome === '' ? null : today });
}

/** Which entry of an introduction's ledger this is: one per side I gave to, or the one I received. */
export type LedgerSlot = 'a' | 'b' | 'introducer';

type IntroductionLedgerDraft = Pick<LedgerEntry, 'direction' | 'kind' | 'description' | 'status'> & {
  slot: LedgerSlot;
  contactId: ContactId;
  on: IsoDate;
  introductionId: IntroductionId;
};

/**
 * What a made introduction puts in give and take. Made by me: a give to each
 * side ("Introduced to Tom Reyes"). Made by someone else, for me: a take from
 * them ("Introduced Ana Lima to Tom Reyes"). Empty until made.
 */
export function introductionLedger(
  intro: Pick<Introduction, 'id' | 'stage' | 'on' | 'createdAt' | 'introducerId' | 'personAId' | 'personBId'>,
  nameOf: (id: ContactId) => string,
): IntroductionLedgerDraft[] {
  if (intro.stage !== 'made') return [];
  const on = intro.on ?? intro.createdAt.slice(0, 10);
  const base = { kind: 'introduction' as const, status: 'done' as const, on, introductionId: intro.id };
  if (intro.introducerId === null) {
    return [
      {
        ...base,
        slot: 'a',
        contactId: intro.personAId,
        direction: 'gave',
        description: `Introduced to ${nameOf(intro.personBId)}`,
      },
      {
        ...base,
        slot: 'b',
        contactId: intro.personBId,
        direction: 'gave',
        description: `Introduced to ${nameOf(intro.personAId)}`,
      },
    ];
  }
  return [
    {
      ...base,
      slot: 'introducer',
      contactId: intro.introducerId,
      direction: 'received',
      description: `Introduced ${nameOf(intro.personAId)} to ${nameOf(intro.personBId)}`,
    },
  ];
}

/** Days after an introduction is made that the follow-up with both sides falls due. */
const INTRO_FOLLOW_UP_DAYS = 7;

interface IntroductionFollowUp {
  contactIds: ContactId[];
  /** The day the introduction was made: the interaction the follow-up hangs on. */
  on: IsoDate;
  followUpOn: IsoDate;
  notes: string;
}

/** The follow-up offered once made: one interaction with both sides, due a week later, to ask how it went. */
export function introductionFollowUp(
  intro: Pick<Introduction, 'stage' | 'on' | 'createdAt' | 'introducerId' | 'personAId' | 'personBId'>,
  nameOf: (id: ContactId) => string,
): IntroductionFollowUp | null {
  if (intro.stage !== 'made') return null;
  const on = intro.on ?? intro.createdAt.slice(0, 10);
  const who = `${nameOf(intro.personAId)} and ${nameOf(intro.personBId)}`;
  const notes =
    intro.introducerId === null
      ? `Introduced ${who}. Ask them both how it went.`
      : `${nameOf(intro.introducerId)} introduced ${who}. Ask how it went.`;
  return { contactIds: [intro.personAId, intro.personBId], on, followUpOn: addDays(on, INTRO_FOLLOW_UP_DAYS), notes };
}

/** "You introduced Ana Lima to Tom Reyes", "Kwame Mensah is introducing …". */
export function introductionSentence(
  intro: Pick<Introduction, 'stage' | 'introducerId' | 'personAId' | 'personBId'>,
  nameOf: (id: ContactId) => string,
): string {
  const pair = `${nameOf(intro.personAId)} to ${nameOf(intro.personBId)}`;
  const made = intro.stage === 'made';
  if (intro.introducerId === null) return made ? `You introduced ${pair}` : `You are introducing ${pair}`;
  return `${nameOf(intro.introducerId)} ${made ? 'introduced' : 'is introducing'} ${pair}`;
}

/** "Asked Tuesday 3 March 2026 · made … · they met (…)"; `say` writes a day (the page says "3 weeks ago"). */
export function introductionDates(
  intro: Pick<Introduction, 'stage' | 'askedOn' | 'on' | 'outcome' | 'outcomeOn'>,
  say: (day: IsoDate) => string = (day) => exactDay(day),
): string {
  const parts: string[] = [];
  if (intro.askedOn) parts.push(`asked ${say(intro.askedOn)}`);
  if (intro.stage === 'made') parts.push(intro.on ? `made ${say(intro.on)}` : 'made');
  if (intro.stage === 'made' && intro.outcome !== '') {
    const said = OUTCOME_LABELS[intro.outcome].toLowerCase();
    parts.push(intro.outcomeOn ? `${said} (${say(intro.outcomeOn)})` : said);
  }
  const line = parts.join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** Live introductions with this person on either side or making them; asked ones first, then the latest. */
export function introductionsOf(intros: readonly Introduction[], contactId: ContactId): Introduction[] {
  return intros
    .filter(
      (i) =>
        i.deletedAt === null &&
        (i.personAId === contactId || i.personBId === contactId || i.introducerId === contactId),
    )
    .sort((x, y) => {
      if (x.stage !== y.stage) return x.stage === 'asked' ? -1 : 1;
      const dx = x.on ?? x.askedOn ?? x.createdAt;
      const dy = y.on ?? y.askedOn ?? y.createdAt;
      return dy < dx ? -1 : dy > dx ? 1 : x.id < y.id ? -1 : 1;
    });
}
