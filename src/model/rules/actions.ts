/** Plan actions that need doing soon. */
import type { IsoDate } from '../fields.ts';
import type { Action } from '../plan.ts';
import { addDays, daysBetween } from './dates.ts';

const ACTION_HORIZON_DAYS = 7;

export const isOpenAction = (a: Action) => a.deletedAt === null && a.status !== 'done' && a.status !== 'dropped';

export interface ActionDue {
  action: Action;
  dueOn: IsoDate;
  /** Negative when overdue, 0 today. */
  daysUntil: number;
}

/** Open actions due on or before today + `horizonDays` (overdue ones included); soonest first. */
export function actionsDueSoon(
  actions: readonly Action[],
  today: IsoDate,
  horizonDays = ACTION_HORIZON_DAYS,
): ActionDue[] {
  const limit = addDays(today, horizonDays);
  const out: ActionDue[] = [];
  for (const action of actions) {
    const dueOn = action.dueOn;
    if (dueOn === null || dueOn > limit || !isOpenAction(action)) continue;
    out.push({ action, dueOn, daysUntil: daysBetween(today, dueOn) });
  }
  return out.sort((a, b) => a.daysUntil - b.daysUntil || (a.action.title < b.action.title ? -1 : 1));
}
