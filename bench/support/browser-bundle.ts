/**
 * Bundles a module of ours for running inside Chromium, so a benchmark can time
 * store code where the app runs it (Chromium's V8 is far newer than Node's and
 * its figures differ, sometimes several times over). The bundle is one script
 * that sets `window[name]` to the module's exports.
 */
import { build, type Rolldown } from 'vite';

export async function bundleForBrowser(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { dedupe: ['yjs', 'lib0'] },
    build: {
      write: false,
      minify: process.env.BENCH_MINIFY !== '0',
      target: 'es2022',
      lib: { entry, name, formats: ['iife'], fileName: () => 'bench.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error(`bundling ${entry} gave no script`);
  return chunk.code;
}
