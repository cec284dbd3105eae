#!/bin/sh
# `npm test`: the static checks (Biome, types, locales, structure: `npm run checks`) run beside the
# integration suite instead of before it. The suite keeps two cores only about four-fifths busy, and
# the checks (some 26 s of CPU) fill much of the rest: 82 s → 70 s on 2 cores (the best of two runs
# each, back to back). Their output follows the suite's; a failure of either fails the whole.
# Arguments go to vitest (`npm test -- src/modules/press`).
log=$(mktemp)
npm run -s checks >"$log" 2>&1 &
checks=$!
vitest run "$@"
suite=$?
wait "$checks"
static=$?
cat "$log"
rm -f "$log"
if [ "$static" -ne 0 ]; then
  echo "npm test: the static checks failed (npm run checks)" >&2
  exit "$static"
fi
exit "$suite"
