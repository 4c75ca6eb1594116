/**
 * Titles of the actions suggested for an objective, as a person would write
 * them: "Ask Kwame Mensah for introductions to hiring managers at 3 climate
 * startups", not “Get back in touch with Kwame about “Get introduced to …””.
 * An objective's title is usually an imperative ("Find a mentor"), which reads
 * on after "help you"; anything else reads after "help with".
 */
import type { CommunityKind } from '../community.ts';
import { KIND_PHRASE } from './community-kinds.ts';
import { listNames } from './words.ts';

/** Verbs an objective's title often starts with; "help you <verb> …" then reads naturally. */
const VERBS = new Set(
  'find get be become learn land meet build grow launch raise hire join win start move switch speak write understand break make reach improve develop explore publish secure sell present connect ship lead run transition change set create finish pass earn gain keep stay'.split(
    ' ',
  ),
);

/** The title with its first word lowercased when that word is an ordinary capitalised word (not "AI", not "iOS"). */
function lowerFirst(title: string): string {
  const first = title.split(/\s/, 1)[0] ?? '';
  return /^\p{Lu}\p{Ll}*$/u.test(first) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

const tidy = (title: string) =>
  title
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');

interface Aim {
  /** "help you find a mentor in climate tech" or "help with the climate fund". */
  help: string;
  /** "for introductions to hiring managers at …" when the objective is to be introduced; else null. */
  introductions: string | null;
}

function aimOf(objectiveTitle: string): Aim {
  const phrase = lowerFirst(tidy(objectiveTitle));
  const first = (phrase.split(' ', 1)[0] ?? '').toLowerCase();
  const intro = /^(?:get|be) introduced to (.+)$/i.exec(phrase);
  return {
    help: VERBS.has(first) ? `help you ${phrase}` : `help with ${phrase}`,
    introductions: intro ? `for introductions to ${intro[1]}` : null,
  };
}

/** "Ask Kwame Mensah for introductions to hiring managers", "Ask Ana Lima to help you find a mentor". */
export function askTitle(objectiveTitle: string, name: string): string {
  const aim = aimOf(objectiveTitle);
  if (aim.introductions) return `Ask ${name} ${aim.introductions}`;
  return aim.help.startsWith('help you ') ? `Ask ${name} to ${aim.help}` : `Ask ${name} for ${aim.help}`;
}

/** "Find someone who could help you find a mentor in climate tech". */
export const findHelperTitle = (objectiveTitle: string) => `Find someone who could ${aimOf(objectiveTitle).help}`;

/** "Get back in touch with Ana Lima, who could help you find a new role". */
export const touchTitle = (objectiveTitle: string, name: string, before: boolean) =>
  `${before ? 'Get back in touch' : 'Get in touch'} with ${name}, who could ${aimOf(objectiveTitle).help}`;

/** "Meet people in IET who could help you …", or "Find a professional body that could help you …". */
export function widenTitle(objectiveTitle: string, place: string | undefined, kind: CommunityKind): string {
  const help = aimOf(objectiveTitle).help;
  return place ? `Meet people in ${place} who could ${help}` : `Find ${KIND_PHRASE[kind]} where people could ${help}`;
}

/** "3 people might help: Ana Lima, Bo Chen and Cy Park." — for a gap's sentence; empty when nobody. */
export function mightHelpSentence(names: readonly string[], total = names.length): string {
  if (total === 0) return '';
  const who = total > names.length ? `${names.slice(0, 2).join(', ')} and ${total - 2} others` : listNames(names);
  return total === 1 ? `1 person might help: ${who}.` : `${total} people might help: ${who}.`;
}
