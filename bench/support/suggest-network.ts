/**
 * The network the "who can help" benchmark runs on: the rules benchmark's
 * 10,000 people, 50,000 interactions and 200 communities, with what they do,
 * need and are interested in borrowed in turn from the 208 hand-written people
 * of the evaluation set (so terms are as common as in a real network), and the
 * evaluation set's 15 objectives. Shared by the Node and Chromium halves.
 */
import type { Contact, Objective } from '../../src/model/index.ts';
import { contacts as evalPeople, labelled } from '../../test/model/rules/suggest/eval-network.ts';
import { makeNetwork, NOW, ZONE } from './rules-network.ts';

export { NOW, ZONE };

export function makeSuggestNetwork() {
  const net = makeNetwork();
  const contacts: Contact[] = net.contacts.map((c, i) => {
    const from = evalPeople[i % evalPeople.length] as Contact;
    return {
      ...c,
      role: from.role || c.role,
      whatTheyDo: from.whatTheyDo,
      needs: from.needs,
      interests: from.interests,
      objectiveIds: [],
    };
  });
  const objectives: Objective[] = labelled.map((l) => l.objective);
  return { ...net, contacts, objectives };
}
