#!/usr/bin/env bash
# Issue "Foundation" benchmark: authenticated requests to a cheap route at 1 and 64 connections,
# with and without the verified-token cache, beside the same server answering the same route
# without authentication — all in one run — and what a never-seen token costs. Prints the ratios
# against the targets and appends a dated section to bench/results.md.
# See bench/lib.sh for BENCH_SECONDS, WARMUP_SECONDS, SKIP_BUILD, POMONA_JAR, POMONA_JVM_FLAGS.
source "$(dirname "$0")/lib.sh"
need_wrk
build_jar
ROUTE=/v1/apps
WORK="$(mktemp -d)"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
trap 'stop_server; rm -rf "$WORK"' EXIT
rows=()

# Start-up and RSS are read on a fresh data directory (the first start also creates the team
# and key) and on a second start of the same directory, three times each; the median is reported.
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
startups() { # startups LABEL: sets fresh, again, rss (one entry per round)
  fresh=(); again=(); rss=()
  for i in 1 2 3; do
    rm -rf "$WORK/start$i"; mkdir -p "$WORK/start$i"
    start_server "$1 start-up $i (fresh)" 18080 "$WORK/start$i" --rate-limit 0; fresh+=("$STARTUP_MS"); stop_server
    start_server "$1 start-up $i (existing)" 18080 "$WORK/start$i" --rate-limit 0; again+=("$STARTUP_MS"); rss+=("$RSS_MIB"); stop_server
  done
}
# Without the class-data archive first, for reference: what `java -jar pomona.jar serve` gives.
SAVED_CDS_FLAGS=$CDS_FLAGS; CDS_FLAGS=""
startups "no CDS"
plain_fresh=$(median "${fresh[@]}"); plain_again=$(median "${again[@]}")
CDS_FLAGS=$SAVED_CDS_FLAGS
if [ -n "$CDS_FLAGS" ]; then
  # One start writes the archive (a user's first run after a build), the measured ones use it.
  mkdir -p "$WORK/archive"; start_server "writing the class-data archive" 18080 "$WORK/archive" --rate-limit 0; stop_server
  startups "CDS"
fi
startup_fresh=$(median "${fresh[@]}"); startup_again=$(median "${again[@]}"); rss_start=$(median "${rss[@]}")

mkdir -p "$WORK/noauth"
start_server "no-auth" 18081 "$WORK/noauth" --rate-limit 0 --insecure-no-auth
MEASURED_PID=$SERVER_PID
for c in 1 64; do rows+=("$(run_wrk "no auth (baseline)" $c "http://127.0.0.1:18081$ROUTE")"); done
stop_server

mkdir -p "$WORK/cache"
start_server "auth+cache" 18082 "$WORK/cache" --rate-limit 0
MEASURED_PID=$SERVER_PID
token=$(token_from "$WORK/cache/server.log")
for c in 1 64; do rows+=("$(run_wrk "ES256, token cache" $c "http://127.0.0.1:18082$ROUTE" "Authorization: Bearer $token")"); done
# Never-seen tokens: every request carries a token minted for this run and never sent before,
# so each one is parsed and verified, then cached. One connection, no warm-up run (it would
# send the same tokens first); the server is warm from the runs above.
p8=$(awk -F': *' '/^Key file/ {print $2; exit}' "$WORK/cache/server.log")
kid=$(awk -F': *' '/^Key ID/ {print $2; exit}' "$WORK/cache/server.log")
issuer=$(awk -F': *' '/^Issuer ID/ {print $2; exit}' "$WORK/cache/server.log")
"$JAVA" -cp "$TOOLS_JAR" "$ROOT/bench/MintTokens.java" "$p8" "$kid" "$issuer" $(( BENCH_SECONDS * 3000 )) "$WORK/tokens.txt"
export TOKENS_FILE="$WORK/tokens.txt"
rows+=("$(WARMUP_SECONDS=0 run_wrk "ES256, token cache, every token never seen" 1 "http://127.0.0.1:18082$ROUTE" "" "$ROOT/bench/tokens.lua")")
stop_server

mkdir -p "$WORK/nocache"
start_server "auth, no cache" 18083 "$WORK/nocache" --rate-limit 0 --token-cache=false
MEASURED_PID=$SERVER_PID
token=$(token_from "$WORK/nocache/server.log")
for c in 1 64; do rows+=("$(run_wrk "ES256, no cache (every request verified)" $c "http://127.0.0.1:18083$ROUTE" "Authorization: Bearer $token")"); done
stop_server

bare1=${rows[0]}; bare64=${rows[1]}; cached1=${rows[2]}; cached64=${rows[3]}; unseen1=${rows[4]}; nocache1=${rows[5]}
ratio64=$(ratio "$(field "$cached64" 3)" "$(field "$bare64" 3)")
ratio1=$(ratio "$(field "$cached1" 3)" "$(field "$bare1" 3)")
# The extra cost of a never-seen token: median latency at one connection over the cached run's
# (the mean would carry every pause of a shared machine), and the server CPU per request likewise.
unseen_extra=$(awk -v a="$(field "$unseen1" 4)" -v b="$(field "$cached1" 4)" 'BEGIN {printf "%.3f", a - b}')
nocache_extra=$(awk -v a="$(field "$nocache1" 4)" -v b="$(field "$cached1" 4)" 'BEGIN {printf "%.3f", a - b}')
unseen_cpu=$(awk -v a="$(field "$unseen1" 7)" -v b="$(field "$cached1" 7)" 'BEGIN {printf "%.3f", (a - b) / 1000}')
{
  echo
  echo "## Authentication — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine_line). Server flags: \`${JVM_FLAGS:-(JVM defaults)}\`${CDS_FLAGS:+, plus the class-data archive (\`$CDS_FLAGS\`)}."
  echo "GET $ROUTE (an empty list), wrk ${BENCH_SECONDS} s after ${WARMUP_SECONDS} s warm-up, load generator on the same cores;"
  echo "rate limit off. Reproduce: \`bench/auth.sh\`."
  echo "Load average (1/5/15 min) at start: $LOAD_AT_START; at end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  wrk_table "${rows[@]}"
  echo
  echo "| target | measured | |"
  echo "|---|---:|---|"
  echo "| cached auth ≥ 60% of no-auth throughput at 64 connections | $ratio64 (1 connection: $ratio1) | $(pass "$(awk -v r="$ratio64" 'BEGIN {print (r >= 0.60)}')") |"
  echo "| ≥ 20,000 req/s at 64 connections, cached | $(field "$cached64" 3) | $(pass "$(( $(field "$cached64" 3) >= 20000 ))") |"
  echo "| p99 ≤ 20 ms at 64 connections, cached | $(field "$cached64" 5) ms | $(pass "$(awk -v p="$(field "$cached64" 5)" 'BEGIN {print (p <= 20)}')") |"
  echo "| a never-seen token costs ≤ 1 ms extra (p50 at 1 connection, minus cached) | $unseen_extra ms (server CPU: $unseen_cpu ms; cache off: $nocache_extra ms) | $(pass "$(awk -v x="$unseen_extra" 'BEGIN {print (x <= 1)}')") |"
  echo "| start-up ≤ 2 s (to the first answered request, median of 3) | $startup_again ms (fresh data directory: $startup_fresh ms)${CDS_FLAGS:+; without the class-data archive: $plain_again ms (fresh: $plain_fresh ms)} | $(pass "$(( startup_again <= 2000 && startup_fresh <= 2000 ))") |"
  echo "| RSS after start-up ≤ 200 MiB (median of 3) | $rss_start MiB | $(pass "$(( rss_start <= 200 ))") |"
} | tee -a "$RESULTS"
