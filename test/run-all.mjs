#!/usr/bin/env node
/**
 * Runs every test: makes sure a Chromium is there for the browser tests, builds
 * the app the way `npm start` does, then runs the whole vitest suite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

function findChromium() {
  return CANDIDATES.find((p) => p && fs.existsSync(p));
}

function ensureChromium() {
  if (findChromium()) return;
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no browser is there.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log('No Chromium found: installing Debian\'s "chromium" package for the browser tests…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (findChromium()) return;
  }
  console.error(
    'The browser tests need Chromium and none was found.\n' +
      '  On Debian or Ubuntu: sudo apt-get install chromium\n' +
      '  Or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
  );
  process.exit(1);
}

/** The cluster tests (test/server) start private PostgreSQL and Redis servers of their own. */
function ensureServers() {
  const hasPostgres =
    Boolean(process.env.POSTGRES_BIN) ||
    (fs.existsSync('/usr/lib/postgresql') &&
      fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/postgres`)));
  const redis = process.env.REDIS_SERVER || 'redis-server';
  const hasRedis = spawnSync('sh', ['-c', 'command -v "$0"', redis]).status === 0;
  const missing = [...(hasPostgres ? [] : ['postgresql']), ...(hasRedis ? [] : ['redis-server'])];
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log(`Installing Debian's ${missing.join(' and ')} for the server tests…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  console.error(
    `The server tests need ${missing.join(' and ')}.\n` +
      '  On Debian or Ubuntu: sudo apt-get install postgresql redis-server\n' +
      "  Or point POSTGRES_BIN at PostgreSQL's bin directory and REDIS_SERVER at a redis-server binary.",
  );
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureChromium();
ensureServers();
run('npx', ['tsc', '-b']); // every environment's project: model, app, server, tests (tsconfig.json)
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
