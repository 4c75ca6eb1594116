/**
 * A light English stemmer, so that "hiring", "hired" and "hire" are one word,
 * and so are "recruiter", "recruiting" and "recruitment", or "investor",
 * "investing" and "investment". It is Porter's step 1 (plurals, -ing, -ed, with
 * his repairs: hir → hire, plann → plan) and final -e rule, plus the few
 * derivational endings that matter for job words (-er, -or, -ist, -ism, -ment,
 * -ship, -ation) and British spelling of -ize. Hand-written rather than a
 * library: full Porter leaves "investor" and "founder" alone, and these ~100
 * lines cost nothing in the bundle. Both sides of a match go through the same
 * function, so an odd stem ("partn") is harmless as long as it is consistent.
 *
 * Input must already be folded (lower case, no accents: see foldText).
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** A consonant in Porter's sense: not a vowel, and y only after a vowel. */
function isConsonant(w: string, i: number): boolean {
  const ch = w[i] as string;
  if (VOWELS.has(ch)) return false;
  if (ch === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Porter's measure m: the number of vowel–consonant sequences, [C](VC)^m[V]. */
export function measure(w: string): number {
  let m = 0;
  let i = 0;
  const n = w.length;
  while (i < n && isConsonant(w, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(w, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(w, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

/** Ends consonant–vowel–consonant, the last not w, x or y (hop, hir): such stems keep or regain an e. */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  const last = w[n - 1] as string;
  return (
    isConsonant(w, n - 3) &&
    !isConsonant(w, n - 2) &&
    isConsonant(w, n - 1) &&
    last !== 'w' &&
    last !== 'x' &&
    last !== 'y'
  );
}

/** Porter's repair after removing -ing or -ed: hir → hire, plann → plan, creat → create. */
function repair(w: string): string {
  if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('is')) return `${w}e`;
  const n = w.length;
  const last = w[n - 1] as string;
  if (n >= 2 && last === w[n - 2] && isConsonant(w, n - 1) && last !== 'l' && last !== 's' && last !== 'z')
    return w.slice(0, -1);
  if (measure(w) === 1 && endsCvc(w)) return `${w}e`;
  return w;
}

/** Porter's final step: drop an e that is not needed to say the word (manage → manag, but hire stays). */
function dropFinalE(w: string): string {
  if (!w.endsWith('e') || w.endsWith('ee')) return w;
  const stem = w.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : w;
}

/** Words the rules get wrong, and US spellings whose stem would collide with another word. */
const EXCEPTIONS: Record<string, string> = {
  news: 'news',
  labor: 'labour',
  labors: 'labour',
  data: 'data',
  media: 'media',
  analytics: 'analytic',
  politics: 'polit',
  economics: 'econom',
  economy: 'econom',
  economist: 'econom',
  sales: 'sale',
  series: 'series',
  species: 'species',
  ai: 'ai',
};

/** The stem of one folded word. Words with digits, and short words, are kept as they are. */
export function stem(word: string): string {
  const known = EXCEPTIONS[word];
  if (known !== undefined) return known;
  let w = word;
  // Plurals of initialisms: PMs, VCs, CTOs.
  if (w.length === 3 && w.endsWith('s') && isConsonant(w, 1) && w[1] !== 's') return w.slice(0, 2);
  if (w.length <= 3 || /\d/.test(w)) return w;

  // British spelling: organize, organizer, organization → organis-.
  w = w.replace(/([a-z]{2,})iz(e|es|ed|er|ers|ing|ation|ations)$/, '$1is$2').replace(/yz(e|es|ed|er|ers|ing)$/, 'ys$1');

  // Plurals (Porter 1a), with -ies → -y so "companies" meets "company".
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3)
    w = w.slice(0, -1);
  const again = EXCEPTIONS[w];
  if (again !== undefined) return again;

  // -ship and -ment name the activity: partnership → partner, recruitment → recruit.
  if (w.endsWith('ship') && w.length - 4 >= 4) w = w.slice(0, -4);
  else if (w.endsWith('ment') && w.length - 4 >= 4 && hasVowel(w.slice(0, -4))) w = w.slice(0, -4);
  // -isation → -is, -ation → -at: organisation meets organiser, education meets educator.
  else if (w.endsWith('isation') && w.length - 7 >= 3) w = w.slice(0, -5);
  else if (w.endsWith('ation') && w.length - 5 >= 3) w = w.slice(0, -3);

  // -ing and -ed (Porter 1b), with his repairs.
  if (w.endsWith('eed')) {
    // need, speed, seed: left alone
  } else if (w.endsWith('ing') && w.length - 3 >= 3 && hasVowel(w.slice(0, -3))) w = repair(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length - 2 >= 3 && hasVowel(w.slice(0, -2))) w = repair(w.slice(0, -2));

  // Agents and doctrines: recruiter, investor, journalist, journalism → the activity.
  if (w.endsWith('er') && !w.endsWith('eer') && w.length - 2 >= 4 && measure(w.slice(0, -2)) >= 1)
    w = repair(w.slice(0, -2));
  else if (w.endsWith('or') && !/[aeiou]or$/.test(w) && w.length - 2 >= 4 && measure(w.slice(0, -2)) >= 1)
    w = repair(w.slice(0, -2));
  else if ((w.endsWith('ist') || w.endsWith('ism')) && w.length - 3 >= 4 && measure(w.slice(0, -3)) >= 1)
    w = w.slice(0, -3);

  return dropFinalE(w);
}
