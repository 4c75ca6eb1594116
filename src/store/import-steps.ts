/**
 * A confirmed import written in steps of a few hundred people, with the event
 * loop free between steps, so the screen keeps responding while thousands of
 * people are written. Each step is `applyImport` on a slice of the plan (same
 * rules: a person edited or removed since the preview is re-checked), and one
 * `undo` takes every step back, newest first.
 *
 * The price of steps: another tab or device may see a large import arrive in
 * a few parts rather than at once.
 */
import type * as Y from 'yjs';
import type { ChosenImport, ImportPlan } from '../io/match.ts';
import { applyImport, type ImportResult } from './import.ts';
import type { Undoable } from './undo.ts';

interface StepOptions {
  /** People per step (default 250: about 25 ms a step here, so well under 100 ms on a slower phone). */
  stepSize?: number;
  /** People written so far, after each step. */
  onProgress?: (done: number, total: number) => void;
  /** How to let the browser breathe between steps (default: a new task). */
  pause?: () => Promise<void>;
  now?: Date;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function applyImportInSteps(
  doc: Y.Doc,
  chosen: ImportPlan | ChosenImport,
  options: StepOptions = {},
): Promise<Undoable<ImportResult>> {
  const { stepSize = 250, onProgress, pause = nextTask, now = new Date() } = options;
  const { plan, congratulations } = 'plan' in chosen ? chosen : { plan: chosen, congratulations: [] };
  // Matches without changes write nothing: leave them out of the steps and of the count.
  const matches = plan.matches.filter((m) => m.changes.length > 0);
  const total = matches.length + plan.newPeople.length;
  const step = (part: Partial<ImportPlan>): ChosenImport => ({
    plan: { newPeople: [], matches: [], uncertain: [], invalid: [], mergedInFile: [], newCommunities: [], ...part },
    congratulations: [],
  });
  const steps: ChosenImport[] = [];
  for (let i = 0; i < matches.length; i += stepSize) steps.push(step({ matches: matches.slice(i, i + stepSize) }));
  for (let i = 0; i < plan.newPeople.length; i += stepSize)
    steps.push(step({ newPeople: plan.newPeople.slice(i, i + stepSize) }));
  if (congratulations.length) (steps[0] ?? (steps[0] = step({}))).congratulations = congratulations;

  const done: Undoable<ImportResult>[] = [];
  const result: ImportResult = { created: [], updated: [], planned: [], communities: [], rejected: [] };
  let written = 0;
  for (const [index, stepPlan] of steps.entries()) {
    if (index > 0) await pause();
    const part = applyImport(doc, stepPlan, now);
    done.push(part);
    result.created.push(...part.result.created);
    result.updated.push(...part.result.updated);
    result.planned.push(...part.result.planned);
    result.communities.push(...part.result.communities);
    result.rejected.push(...part.result.rejected);
    written += stepPlan.plan.newPeople.length + stepPlan.plan.matches.length;
    onProgress?.(written, total);
  }
  return {
    result,
    undo() {
      let undone = false;
      for (const part of done.slice().reverse()) undone = part.undo() || undone;
      return undone;
    },
    forget: () => done.forEach((part) => part.forget()),
  };
}
