/** Small hand-built networks for the rules' tests: valid entities with readable ids. */
import {
  actionSpec,
  communitySpec,
  contactSpec,
  makeEntity,
  eventSpec,
  interactionSpec,
  introductionSpec,
  ledgerSpec,
  objectiveSpec,
  offerSpec,
  stakeSpec,
  type Action,
  type Community,
  type Contact,
  type Draft,
  type FieldSpecs,
  type Interaction,
  type Introduction,
  type LedgerEntry,
  type Objective,
  type ObjectiveStake,
  type Offer,
  type RapportEvent,
} from '../../../src/model/index.ts';

export const CREATED = new Date('2026-01-01T12:00:00Z');

function make<T>(spec: FieldSpecs, prefix: string, slug: string, draft: Record<string, unknown>, created = CREATED): T {
  const id = `${prefix}-${slug}`.padEnd(8, '_').replace(/[^A-Za-z0-9_-]/g, '_');
  const made = makeEntity(spec, draft as Draft<FieldSpecs>, created, id as never);
  if (!made.ok) throw new Error(`bad test ${prefix} ${slug}: ${JSON.stringify(made.error)}`);
  return made.value as T;
}

type Extra = { createdAt?: Date; deletedAt?: string | null };
const withMeta = <T extends { deletedAt: string | null }>(value: T, extra: Extra): T =>
  extra.deletedAt !== undefined ? { ...value, deletedAt: extra.deletedAt } : value;

export const person = (slug: string, draft: Draft<typeof contactSpec> & Extra = {}): Contact =>
  withMeta(
    make<Contact>(contactSpec, 'person', slug, { name: slug, ...draft, createdAt: undefined }, draft.createdAt),
    draft,
  );
export const community = (slug: string, draft: Draft<typeof communitySpec> & Extra = {}): Community =>
  withMeta(make<Community>(communitySpec, 'comm', slug, { name: slug, ...draft }), draft);
export const objective = (slug: string, draft: Draft<typeof objectiveSpec> & Extra = {}): Objective =>
  withMeta(make<Objective>(objectiveSpec, 'obj', slug, { title: slug, ...draft }), draft);
export const offer = (slug: string, draft: Draft<typeof offerSpec> & Extra = {}): Offer =>
  withMeta(make<Offer>(offerSpec, 'offer', slug, { title: slug, ...draft }), draft);
export const interaction = (slug: string, draft: Draft<typeof interactionSpec> & Extra = {}): Interaction =>
  withMeta(make<Interaction>(interactionSpec, 'int', slug, draft), draft);
export const ledger = (slug: string, draft: Draft<typeof ledgerSpec> & Extra = {}): LedgerEntry =>
  withMeta(make<LedgerEntry>(ledgerSpec, 'ledger', slug, { ...draft, createdAt: undefined }, draft.createdAt), draft);
export const action = (slug: string, draft: Draft<typeof actionSpec> & Extra = {}): Action =>
  withMeta(make<Action>(actionSpec, 'action', slug, { title: slug, ...draft }), draft);
export const event = (slug: string, draft: Draft<typeof eventSpec> & Extra = {}): RapportEvent =>
  withMeta(make<RapportEvent>(eventSpec, 'event', slug, { name: slug, ...draft }), draft);
export const introduction = (slug: string, draft: Draft<typeof introductionSpec> & Extra = {}): Introduction =>
  withMeta(make<Introduction>(introductionSpec, 'intro', slug, draft), draft);
export const stake = (slug: string, draft: Draft<typeof stakeSpec> & Extra = {}): ObjectiveStake =>
  withMeta(make<ObjectiveStake>(stakeSpec, 'stake', slug, draft, draft.createdAt), draft);
