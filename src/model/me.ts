/** The user's own card: what they hand over at an event. */
import type { Values } from './fields.ts';
import { list, parseEmail, parsePhone, text, webUrl } from './fields.ts';

export const meSpec = {
  name: text('Name', { max: 200 }),
  role: text('Role'),
  organisation: text('Organisation'),
  emails: list('Emails', parseEmail, 10),
  phones: list('Phones', parsePhone, 10),
  linkedin: webUrl('LinkedIn'),
  website: webUrl('Website'),
  location: text('Location'),
  headline: text('What I do', { multiline: true, max: 1000 }),
};
export type Me = Values<typeof meSpec>;
