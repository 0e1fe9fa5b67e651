#!/usr/bin/env bash
# Every benchmark, one after the other, each appending its section to bench/results.md:
#   bench/all.sh            (about 25 minutes with the defaults; see bench/lib.sh for the knobs)
set -euo pipefail
here="$(dirname "$0")"
"$here/auth.sh"
SKIP_BUILD=1 "$here/engine.sh"
"$here/webhooks.sh"
