#!/usr/bin/env bash
# Lighthouse 12.2.3 (fetched by npx; never part of the tests) against the built app served by the
# real server, in Debian's Chromium. Prints performance, accessibility and best-practices scores
# for the phone (default, simulated slow 4G and CPU) and desktop presets.
# Rerun: bash bench/lighthouse.sh            (builds dist/ first unless SKIP_BUILD=1)
#        PLACE=/people RUNS=3 bash bench/lighthouse.sh   (another place; several runs of each preset)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || npx vite build --logLevel error >/dev/null
work=$(mktemp -d)
cp -r dist "$work/app"
PORT=${PORT:-4791}
STATIC_DIR="$work/app" DATA_DIR="$work/data" PORT=$PORT HOST=127.0.0.1 node --import tsx server/main.ts >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q 'listening' "$work/server.log" && break; sleep 0.2; done
export CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
PLACE=${PLACE:-/}
for run in $(seq "${RUNS:-1}"); do
for preset in mobile desktop; do
  extra=()
  [ "$preset" = desktop ] && extra=(--preset=desktop)
  npx -y lighthouse@12.2.3 "http://127.0.0.1:$PORT$PLACE" "${extra[@]}" --only-categories=performance,accessibility,best-practices \
    --chrome-flags="$flags" --output=json --output-path="$work/$preset.json" --quiet
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = r.categories, a = r.audits;
    const s = (k) => Math.round(c[k].score * 100);
    console.log(`lighthouse ${process.argv[2]}: performance ${s("performance")}, accessibility ${s("accessibility")}, best-practices ${s("best-practices")}` +
      ` (FCP ${a["first-contentful-paint"].displayValue}, LCP ${a["largest-contentful-paint"].displayValue}, TBT ${a["total-blocking-time"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue})`);
    for (const k of ["accessibility", "best-practices"]) for (const ref of c[k].auditRefs) { const au = a[ref.id]; if (au.score !== null && au.score < 1 && ref.weight > 0) console.log(`  ${k}: ${au.id}: ${au.title}`); }
  ' "$work/$preset.json" "$preset $PLACE"
done
done
echo "rerun: bash bench/lighthouse.sh"
