import { describe, expect, it } from 'vitest';
import {
  collectionSpecs,
  makeEntity,
  newId,
  parseEntity,
  type CollectionName,
  type ContactId,
} from '../../src/model/index.ts';
import { minimalDrafts, NOW } from '../support/drafts.ts';

const messages = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? [] : (r as { error: { message: string }[] }).error.map((e) => e.message);

describe('contact validation', () => {
  const spec = collectionSpecs.contacts;

  it('accepts a person with a name only and fills every other field with its empty value', () => {
    const r = makeEntity(spec, { name: '  Ana Lima  ' }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Ana Lima');
    expect(r.value.emails).toEqual([]);
    expect(r.value.metOn).toBeNull();
    expect(r.value.createdAt).toBe(NOW.toISOString());
    expect(r.value.deletedAt).toBeNull();
  });

  it('rejects an empty name with a sentence a person understands', () => {
    expect(messages(makeEntity(spec, { name: '   ' }, NOW))).toEqual(['Name is required.']);
    expect(messages(makeEntity(spec, {}, NOW))).toEqual(['Name is required.']);
  });

  it('rejects a malformed email and names the value', () => {
    const m = messages(makeEntity(spec, { name: 'Bo', emails: ['bo@'] }, NOW));
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('“bo@” is not an email address');
  });

  it('rejects dates that are not dates, including impossible calendar days', () => {
    expect(messages(makeEntity(spec, { name: 'Bo', metOn: 'yesterday' }, NOW))[0]).toContain('is not a date');
    expect(messages(makeEntity(spec, { name: 'Bo', metOn: '2025-02-29' }, NOW))[0]).toContain(
      'not a date on the calendar',
    );
    expect(makeEntity(spec, { name: 'Bo', metOn: '2024-02-29' }, NOW).ok).toBe(true);
    for (const notADate of [
      '2025-1-05',
      ' 2025-01-05',
      '2025-01-0x',
      '2025/01/05',
      '2025-01-05T10:00',
      '+025-01-05',
      '2025-00-10',
      '2025-04-31',
    ]) {
      expect(makeEntity(spec, { name: 'Bo', metOn: notADate }, NOW).ok, notADate).toBe(false);
    }
  });

  it('accepts birthdays without a year and rejects impossible ones', () => {
    expect(makeEntity(spec, { name: 'Bo', birthday: '--02-29' }, NOW).ok).toBe(true);
    expect(makeEntity(spec, { name: 'Bo', birthday: '--13-01' }, NOW).ok).toBe(false);
  });

  it('keeps only web links and adds https to a bare domain', () => {
    const r = makeEntity(spec, { name: 'Bo', website: 'example.org/me' }, NOW);
    expect(r.ok && r.value.website).toBe('https://example.org/me');
    expect(messages(makeEntity(spec, { name: 'Bo', website: 'javascript:alert(1)' }, NOW))[0]).toContain(
      'is not a web address',
    );
  });

  it('rejects phone numbers with letters and accepts international formats', () => {
    expect(makeEntity(spec, { name: 'Bo', phones: ['+44 (20) 7946-0958 ext 12'] }, NOW).ok).toBe(true);
    expect(makeEntity(spec, { name: 'Bo', phones: ['call me'] }, NOW).ok).toBe(false);
  });

  it('tidies phone numbers: spaces trimmed and single, tabs and non-breaking spaces made plain', () => {
    const r = makeEntity(
      spec,
      { name: 'Bo', phones: ['  +44\t20  7946\u00a00958 ', '+44 20 7946 0958', '+1 555 0100'] },
      NOW,
    );
    expect(r.ok && r.value.phones).toEqual(['+44 20 7946 0958', '+1 555 0100']);
    expect(makeEntity(spec, { name: 'Bo', phones: ['( - )'] }, NOW).ok).toBe(false);
  });

  it('keeps lists distinct and tidy, and hands a clean list back as it is', () => {
    const clean = ['climate', 'rust'];
    const r = makeEntity(spec, { name: 'Bo', tags: clean, emails: ['a@x.org', ' a@x.org', 'b@x.org', 'a@x.org'] }, NOW);
    expect(r.ok && r.value.tags).toBe(clean);
    expect(r.ok && r.value.emails).toEqual(['a@x.org', 'b@x.org']);
    expect(makeEntity(spec, { name: 'Bo', tags: ['x', 'x', ' y '] }, NOW)).toMatchObject({
      ok: true,
      value: { tags: ['x', 'y'] },
    });
  });

  it('gives every entity its own values, and no one can fill the shared empty lists', () => {
    const a = makeEntity(spec, { name: 'A' }, NOW);
    const b = makeEntity(spec, { name: 'B', tags: ['t'] }, NOW);
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(a.value.tags).toEqual([]);
    expect(() => a.value.tags.push('leak')).toThrow(TypeError);
    expect(makeEntity(spec, { name: 'C' }, NOW)).toMatchObject({ ok: true, value: { tags: [] } });
  });

  it('keeps power and interest on the 0–100 scale', () => {
    expect(makeEntity(spec, { name: 'Bo', power: 100, interest: 0 }, NOW).ok).toBe(true);
    expect(messages(makeEntity(spec, { name: 'Bo', power: 101 }, NOW))[0]).toBe('Power must be between 0 and 100.');
  });

  it('removes line breaks from single-line fields but keeps them in notes', () => {
    const r = makeEntity(spec, { name: 'Ana\nLima', notes: 'line one\r\nline two' }, NOW);
    expect(r.ok && r.value.name).toBe('Ana Lima');
    expect(r.ok && r.value.notes).toBe('line one\nline two');
  });

  it('rejects a reference that is not an id', () => {
    expect(makeEntity(spec, { name: 'Bo', introducedById: 'not an id!' as ContactId }, NOW).ok).toBe(false);
    expect(makeEntity(spec, { name: 'Bo', introducedById: newId<ContactId>() }, NOW).ok).toBe(true);
  });
});

describe('every entity', () => {
  for (const [name, draft] of Object.entries(minimalDrafts) as [CollectionName, Record<string, unknown>][]) {
    it(`${name}: a valid draft is accepted and re-parses to the same value`, () => {
      const made = makeEntity(collectionSpecs[name], draft as never, NOW);
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      const again = parseEntity(collectionSpecs[name], made.value as unknown as Record<string, unknown>);
      expect(again).toEqual({ ok: true, value: made.value });
    });

    it(`${name}: a value of the wrong type is rejected, not cast`, () => {
      const [firstField] = Object.keys(collectionSpecs[name]);
      const bad = { ...draft, [firstField!]: { nested: 'object' } };
      expect(makeEntity(collectionSpecs[name], bad as never, NOW).ok).toBe(false);
    });
  }

  it('a choice outside its list is rejected with the allowed values', () => {
    const r = makeEntity(collectionSpecs.communities, { name: 'X', kind: 'cult' as never }, NOW);
    expect(r.ok).toBe(false);
    expect(messages(r)[0]).toContain('own-team');
  });

  it('an interaction needs a time, and a ledger entry needs a person', () => {
    expect(makeEntity(collectionSpecs.interactions, {}, NOW).ok).toBe(false);
    expect(messages(makeEntity(collectionSpecs.ledger, { direction: 'gave' }, NOW))).toEqual(['Person is required.']);
  });
});
