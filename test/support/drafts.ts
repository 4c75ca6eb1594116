import { newId, type CollectionName } from '../../src/model/index.ts';

export const NOW = new Date('2026-03-04T10:00:00.000Z');

/** A valid draft for every collection: the minimum each one requires. */
export const minimalDrafts: { [C in CollectionName]: Record<string, unknown> } = {
  contacts: { name: 'Ana' },
  communities: { name: 'Rust meetup', kind: 'online' },
  objectives: { title: 'Find a mentor in climate tech', kind: 'learn' },
  offers: { title: 'Kubernetes cost review', kind: 'skill' },
  interactions: { at: NOW.toISOString(), channel: 'call' },
  ledger: { contactId: newId(), direction: 'gave', kind: 'advice' },
  actions: { title: 'Join the chamber of commerce', dueOn: '2026-04-01' },
  events: { name: 'KubeCon', startsOn: '2026-03-04' },
  introductions: { personAId: newId(), personBId: newId() },
  stakes: { contactId: newId(), objectiveId: newId(), power: 70, interest: 20 },
};
