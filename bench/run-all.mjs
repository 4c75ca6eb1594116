#!/usr/bin/env node
/**
 * Runs every benchmark under bench/ one after another and prints their figures.
 * Browser benchmarks need the built app, so it builds first. One benchmark:
 *   npm run bench -- people      (matches bench/people.bench.ts)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const only = process.argv.slice(2);
const files = fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const file of files) {
  console.log(`\n== bench/${file}`);
  const r = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${file} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
