/** Introductions as a workflow (issue 13 §3): steps, what a made one gives, the follow-up, older entries, and the drafted messages. */
import { describe, expect, test } from 'vitest';
import {
  introductionSpec,
  parseEntity,
  type ContactId,
  type Introduction,
  type IntroductionId,
} from '../../../src/model/index.ts';
import {
  checkIntroductionSides,
  draftIntroduction,
  introductionDates,
  introductionFollowUp,
  introductionLedger,
  introductionSentence,
  introductionsOf,
  madePatch,
  mailtoUri,
  outcomePatch,
  type IntroPerson,
} from '../../../src/model/rules/index.ts';
import { introduction, person } from './build.ts';

const ana = person('ana', { name: 'Ana Lima' });
const tom = person('tom', { name: 'Tom Reyes' });
const kwame = person('kwame', { name: 'Kwame Mensah' });
const names = new Map([ana, tom, kwame].map((p) => [p.id, p.name]));
const nameOf = (id: ContactId) => names.get(id) ?? 'someone';

describe('the steps of an introduction', () => {
  const asked = introduction('asked', { personAId: ana.id, personBId: tom.id, stage: 'asked', askedOn: '2026-03-02' });

  test('made (today, or the day already written), then an outcome', () => {
    const made = madePatch(asked, '2026-03-05');
    expect(made).toEqual({ ok: true, value: { stage: 'made', on: '2026-03-05' } });
    expect(madePatch({ ...asked, on: '2026-03-04' }, '2026-03-05')).toEqual({
      ok: true,
      value: { stage: 'made', on: '2026-03-04' },
    });
    const nowMade: Introduction = { ...asked, stage: 'made', on: '2026-03-05' };
    expect(outcomePatch(nowMade, 'met', '2026-03-12')).toEqual({
      ok: true,
      value: { outcome: 'met', outcomeOn: '2026-03-12' },
    });
    // Taking the outcome back clears its date too.
    expect(outcomePatch(nowMade, '', '2026-03-12')).toEqual({ ok: true, value: { outcome: '', outcomeOn: null } });
  });

  test('is made only once, and has no outcome before it is made', () => {
    expect(madePatch({ ...asked, stage: 'made' }, '2026-03-05')).toEqual({ ok: false, error: { type: 'AlreadyMade' } });
    expect(outcomePatch(asked, 'met', '2026-03-05')).toEqual({ ok: false, error: { type: 'NotMadeYet' } });
  });

  test('needs two different people, and an introducer who is neither', () => {
    expect(checkIntroductionSides(ana.id, ana.id, null)).toEqual({ ok: false, error: { type: 'SamePerson' } });
    expect(checkIntroductionSides(ana.id, tom.id, tom.id)).toEqual({ ok: false, error: { type: 'IntroducerIsASide' } });
    expect(checkIntroductionSides(ana.id, tom.id, kwame.id).ok).toBe(true);
  });

  test('is said plainly, with its dates', () => {
    expect(introductionSentence(asked, nameOf)).toBe('You are introducing Ana Lima to Tom Reyes');
    expect(introductionSentence({ ...asked, stage: 'made', introducerId: kwame.id }, nameOf)).toBe(
      'Kwame Mensah introduced Ana Lima to Tom Reyes',
    );
    const done = {
      ...asked,
      stage: 'made' as const,
      on: '2026-03-05',
      outcome: 'met' as const,
      outcomeOn: '2026-03-12',
    };
    expect(introductionDates(done, (d) => d)).toBe('Asked 2026-03-02 · made 2026-03-05 · they met (2026-03-12)');
  });

  test('on a person page: theirs only, live, asked ones first', () => {
    const made = introduction('made', { personAId: tom.id, personBId: kwame.id, on: '2026-03-01' });
    const byAna = introduction('by-ana', {
      introducerId: ana.id,
      personAId: tom.id,
      personBId: kwame.id,
      on: '2026-03-03',
    });
    const trashed = introduction('trashed', {
      personAId: ana.id,
      personBId: kwame.id,
      deletedAt: '2026-03-03T00:00:00.000Z',
    });
    expect(introductionsOf([made, trashed, byAna, asked], ana.id).map((i) => i.id)).toEqual([asked.id, byAna.id]);
    expect(introductionsOf([made, trashed, byAna, asked], tom.id).map((i) => i.id)).toEqual([
      asked.id,
      byAna.id,
      made.id,
    ]);
  });
});

describe('a made introduction in give and take', () => {
  test('made by me: a give to each side, naming the other', () => {
    const made = introduction('mine', { personAId: ana.id, personBId: tom.id, stage: 'made', on: '2026-03-05' });
    expect(introductionLedger(made, nameOf)).toEqual([
      {
        slot: 'a',
        contactId: ana.id,
        direction: 'gave',
        kind: 'introduction',
        status: 'done',
        description: 'Introduced to Tom Reyes',
        on: '2026-03-05',
        introductionId: made.id,
      },
      {
        slot: 'b',
        contactId: tom.id,
        direction: 'gave',
        kind: 'introduction',
        status: 'done',
        description: 'Introduced to Ana Lima',
        on: '2026-03-05',
        introductionId: made.id,
      },
    ]);
  });

  test('made by someone else for me: a take from them', () => {
    const theirs = introduction('theirs', {
      introducerId: kwame.id,
      personAId: ana.id,
      personBId: tom.id,
      stage: 'made',
      on: '2026-03-05',
    });
    expect(introductionLedger(theirs, nameOf)).toEqual([
      {
        slot: 'introducer',
        contactId: kwame.id,
        direction: 'received',
        kind: 'introduction',
        status: 'done',
        description: 'Introduced Ana Lima to Tom Reyes',
        on: '2026-03-05',
        introductionId: theirs.id,
      },
    ]);
  });

  test('nothing while only asked', () => {
    expect(
      introductionLedger(introduction('asked2', { personAId: ana.id, personBId: tom.id, stage: 'asked' }), nameOf),
    ).toEqual([]);
  });

  test('offers a follow-up with both sides a week after it was made', () => {
    const made = introduction('fu', { personAId: ana.id, personBId: tom.id, stage: 'made', on: '2026-03-05' });
    expect(introductionFollowUp(made, nameOf)).toEqual({
      contactIds: [ana.id, tom.id],
      on: '2026-03-05',
      followUpOn: '2026-03-12',
      notes: 'Introduced Ana Lima and Tom Reyes. Ask them both how it went.',
    });
    expect(introductionFollowUp({ ...made, stage: 'asked' }, nameOf)).toBeNull();
  });
});

describe('introductions stored by the older shape', () => {
  // Before the workflow an introduction had only these fields: it was written once it had happened.
  const old = {
    personAId: ana.id,
    personBId: tom.id,
    on: '2025-11-20',
    notes: 'At the fintech meetup',
    createdAt: '2025-11-20T18:00:00.000Z',
  };

  test('read as valid, made introductions with no outcome yet', () => {
    const r = parseEntity<typeof introductionSpec, IntroductionId>(introductionSpec, old, 'intro-old-one', {
      reading: true,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      stage: 'made',
      on: '2025-11-20',
      askedOn: null,
      outcome: '',
      outcomeOn: null,
      introducerId: null,
      notes: 'At the fintech meetup',
    });
    // An outcome can be recorded on it straight away.
    expect(outcomePatch(r.value, 'helped', '2026-03-05').ok).toBe(true);
  });

  test('an old one with no date counts from the day it was recorded', () => {
    const r = parseEntity<typeof introductionSpec, IntroductionId>(
      introductionSpec,
      { ...old, on: undefined },
      'intro-old-two',
      { reading: true },
    );
    if (!r.ok) throw new Error('unreadable');
    expect(introductionLedger(r.value, nameOf)[0]?.on).toBe('2025-11-20');
  });

  test('a stage or outcome from a newer version reads as made, no outcome, instead of losing the entry', () => {
    const r = parseEntity<typeof introductionSpec, IntroductionId>(
      introductionSpec,
      { ...old, stage: 'declined', outcome: 'married' },
      'intro-newer1',
      { reading: true },
    );
    expect(r.ok && r.value.stage === 'made' && r.value.outcome === '').toBe(true);
  });
});

describe('drafting the introduction', () => {
  const a: IntroPerson = {
    name: 'Ana Lima',
    role: 'Founder',
    organisation: 'Paywise',
    whatTheyDo: '',
    needs: 'a payments lawyer\nand a bank',
    emails: ['ana@paywise.example'],
  };
  const b: IntroPerson = {
    name: 'Tom Reyes',
    role: 'Payments lawyer',
    organisation: 'Bird & Bird',
    whatTheyDo: '',
    needs: '',
    emails: ['tom@twobirds.example', 'tom.reyes@home.example'],
  };
  const [toA, toB, toBoth] = draftIntroduction(a, b, { name: 'Sam Patel' });

  test('asks each side first, then introduces both', () => {
    expect(toA).toMatchObject({
      audience: 'a',
      label: 'To Ana Lima',
      emails: ['ana@paywise.example'],
      subject: 'Would you like to meet Tom Reyes?',
    });
    expect(toA?.body).toBe(
      'Hi Ana,\n\nYou mentioned needing a payments lawyer. I know Tom Reyes (Payments lawyer at Bird & Bird) and I think you two should meet.\n\nWould you like me to introduce you? No pressure either way.\n\nBest,\nSam Patel',
    );
    expect(toB?.body).toContain(
      'I know Ana Lima (Founder at Paywise), who is looking for a payments lawyer, and I thought of you.',
    );
    expect(toB?.body).toContain('It is fine to say no.');
    expect(toBoth).toMatchObject({
      audience: 'both',
      emails: ['ana@paywise.example', 'tom@twobirds.example'],
      subject: 'Introduction: Ana Lima and Tom Reyes',
    });
    expect(toBoth?.body).toContain('Hi Ana and Tom,');
    expect(toBoth?.body).toContain(
      'Ana is Founder at Paywise and is looking for a payments lawyer.\nTom is Payments lawyer at Bird & Bird.',
    );
  });

  test('a need written as a heading reads mid-sentence; names keep their capitals', () => {
    const [x] = draftIntroduction({ ...a, needs: 'A payments lawyer.' }, b, { name: '' });
    expect(x?.body).toContain('You mentioned needing a payments lawyer. I know');
    const [y] = draftIntroduction({ ...a, needs: 'Kubernetes help' }, b, { name: '' });
    expect(y?.body).toContain('You mentioned needing Kubernetes help. I know');
  });

  test('reads well when little is known and the user has no name on their card', () => {
    const bare = (name: string): IntroPerson => ({
      name,
      role: '',
      organisation: '',
      whatTheyDo: '',
      needs: '',
      emails: [],
    });
    const [x, , both] = draftIntroduction(bare('Zoë'), bare('Li Wei'), { name: '' });
    expect(x?.body).toBe(
      'Hi Zoë,\n\nI know Li Wei and I think you two should meet.\n\nWould you like me to introduce you? No pressure either way.\n\nBest,',
    );
    expect(both?.body).toContain('Zoë.\nLi.');
  });
});

describe('mailto: links (RFC 6068)', () => {
  test('percent-encodes subject and body as UTF-8, with CRLF line breaks', () => {
    const uri = mailtoUri(
      ['tom@twobirds.example'],
      'Ana & Tom? 50% #1 — Zoë',
      'Hi Tom,\n\nLine two\r\nLine three\rend + more',
    );
    expect(uri).toBe(
      'mailto:tom@twobirds.example?subject=Ana%20%26%20Tom%3F%2050%25%20%231%20%E2%80%94%20Zo%C3%AB&body=Hi%20Tom%2C%0D%0A%0D%0ALine%20two%0D%0ALine%20three%0D%0Aend%20%2B%20more',
    );
    const url = new URL(uri);
    expect(url.protocol).toBe('mailto:');
    const q = new URLSearchParams(url.search.replace(/\+/g, '%2B'));
    expect(q.get('subject')).toBe('Ana & Tom? 50% #1 — Zoë');
    expect(q.get('body')).toBe('Hi Tom,\r\n\r\nLine two\r\nLine three\r\nend + more');
  });

  test('encodes each address’s parts, keeps the @ and the commas between addresses, and leaves out what is not an address', () => {
    expect(mailtoUri(['a+b@x.example', 'not an address', 'c?d@y.example'], '', '')).toBe(
      'mailto:a%2Bb@x.example,c%3Fd@y.example',
    );
    expect(mailtoUri([], 'Hi', '')).toBe('mailto:?subject=Hi');
  });
});
