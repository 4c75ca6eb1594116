import type { contactSpec, Draft } from '../../src/model/index.ts';

export type ContactDraft = Draft<typeof contactSpec>;
