/**
 * What People says with no one in it. The page (pages/people.tsx) and the picture painted
 * before the app loads (painted-view.ts) say it in the same words, so the one replaces the
 * other without a change a person could see.
 */
export const PEOPLE_EMPTY = {
  title: 'No one here yet.',
  text: 'Add someone you would like to keep in touch with, capture people as you meet them at an event, or bring your network in from your phone or LinkedIn.',
  add: 'Add a person',
  capture: 'Capture at an event',
  import: 'Import',
} as const;
