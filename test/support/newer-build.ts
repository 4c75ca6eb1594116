/**
 * A newer build of Rapport, made from this one's source the way a next release would change it
 * additively (src/store/README.md): a new field on people (`pronouns`), a new community kind
 * (`investors`) and a new collection (`reminders`). Tests run it beside the current build to show
 * that a device not yet updated loses nothing the newer one wrote, and the other way round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each edit must apply exactly once: a source that moved on makes this fail loudly, not silently test nothing. */
const EDITS: { file: string; find: string; replace: string }[] = [
  {
    file: 'model/contact.ts',
    find: "  role: text('Role'),\n",
    replace: "  role: text('Role'),\n  pronouns: text('Pronouns', { max: 40 }),\n",
  },
  {
    file: 'model/community.ts',
    find: "  'online',\n",
    replace: "  'online',\n  'investors',\n",
  },
  {
    file: 'model/collections.ts',
    find: "import type { FieldSpecs } from './fields.ts';",
    replace: "import { date, text, type FieldSpecs } from './fields.ts';",
  },
  {
    file: 'model/collections.ts',
    find: '  stakes: stakeSpec,\n',
    replace:
      "  stakes: stakeSpec,\n  reminders: { text: text('Reminder', { required: true }), dueOn: date('Due on') },\n",
  },
];

export type NewerBuild = {
  store: typeof import('../../src/store/index.ts');
  backup: typeof import('../../src/store/backup.ts');
  ioBackup: typeof import('../../src/io/backup.ts');
  local: typeof import('../../src/sync/local.ts');
  relay: typeof import('../../src/sync/relay.ts');
  /** Removes the build's files. */
  remove(): void;
};

export async function loadNewerBuild(): Promise<NewerBuild> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-newer-build-'));
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  // The same packages (and so the same Yjs) as the current build.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const edit of EDITS) {
    const file = path.join(dir, 'src', edit.file);
    const text = fs.readFileSync(file, 'utf8');
    if (text.split(edit.find).length !== 2)
      throw new Error(`newer build: "${edit.find.trim()}" is not in src/${edit.file} exactly once`);
    fs.writeFileSync(file, text.replace(edit.find, edit.replace));
  }
  const from = (p: string) => import(/* @vite-ignore */ path.join(dir, 'src', p));
  return {
    store: await from('store/index.ts'),
    backup: await from('store/backup.ts'),
    ioBackup: await from('io/backup.ts'),
    local: await from('sync/local.ts'),
    relay: await from('sync/relay.ts'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
