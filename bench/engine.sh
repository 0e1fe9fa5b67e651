#!/usr/bin/env bash
# Issue "Engine" benchmarks, in one run:
#  1. GET one build, and a 50-build list with two includes, at 1 and 64 connections with a real
#     token (cached, as clients reuse tokens), beside a bare server (same HTTP core, no auth, no
#     storage: bench/BareServer.java) answering the very bytes Pomona answered.
#  2. Growth: a filtered, sorted first page and the next page by cursor, with $GROWTH_SMALL and
#     $GROWTH_LARGE builds in one team; p99 of both and their ratio, and the server's RSS under
#     that load.
# Data is seeded through Pomona's store and model before each server starts (bench/Seed.java).
# Appends a dated section to bench/results.md. Environment: see bench/lib.sh, plus
#   ENGINE_BUILDS (default 1000)       builds behind the throughput runs
#   GROWTH_SMALL / GROWTH_LARGE        default 1000 / 100000; GROWTH_LARGE=0 skips part 2
source "$(dirname "$0")/lib.sh"
need_wrk
build_jar
ENGINE_BUILDS="${ENGINE_BUILDS:-1000}"
GROWTH_SMALL="${GROWTH_SMALL:-1000}"
GROWTH_LARGE="${GROWTH_LARGE:-100000}"
WORK="$(mktemp -d)"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
BARE_PID=""
stop_bare() { if [ -n "$BARE_PID" ]; then kill "$BARE_PID" 2>/dev/null || true; wait "$BARE_PID" 2>/dev/null || true; BARE_PID=""; fi; }
trap 'stop_server; stop_bare; rm -rf "$WORK"' EXIT
PORT=18084
BARE_PORT=18085
LIST='/v1/builds?include=app,preReleaseVersion&limit=50'
GROWTH_PAGE='/v1/builds?filter%5BprocessingState%5D=VALID&sort=-uploadedDate&limit=50'

seed() { # seed DIR APPS VERSIONS_PER_APP BUILDS
  mkdir -p "$1"
  "$JAVA" -cp "$TOOLS_JAR" "$ROOT/bench/Seed.java" "$1" "$2" "$3" "$4" >"$1/seed.txt"
  tail -1 "$1/seed.txt" >&2
}

bare_rows() { # bare_rows LABEL FILE : the bare server answering FILE at 1 and 64 connections
  "$JAVA" $JVM_FLAGS -cp "$TOOLS_JAR" "$ROOT/bench/BareServer.java" "$BARE_PORT" "$2" >"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  wait_for_answer "$BARE_PORT" "http://127.0.0.1:$BARE_PORT/"
  MEASURED_PID=$BARE_PID
  for c in 1 64; do run_wrk "$1" $c "http://127.0.0.1:$BARE_PORT/"; done
  stop_bare
}

# ---- 1. GET one and the list with includes, against the bare server ----
seed "$WORK/engine" 10 5 "$ENGINE_BUILDS"
build_id=$(awk -F': *' '/^Build ID/ {print $2; exit}' "$WORK/engine/seed.txt")
ONE="/v1/builds/$build_id"
start_server "pomona" $PORT "$WORK/engine" --rate-limit 0
token=$(token_from "$WORK/engine/seed.txt")
auth="Authorization: Bearer $token"
curl -sf -H "$auth" "http://127.0.0.1:$PORT$ONE" >"$WORK/one.json"
curl -sf -H "$auth" "http://127.0.0.1:$PORT$LIST" >"$WORK/list.json"
one_bytes=$(stat -c %s "$WORK/one.json"); list_bytes=$(stat -c %s "$WORK/list.json")
MEASURED_PID=$SERVER_PID
rows=()
for c in 1 64; do rows+=("$(run_wrk "Pomona: GET one build" $c "http://127.0.0.1:$PORT$ONE" "$auth")"); done
for c in 1 64; do rows+=("$(run_wrk "Pomona: 50 builds + app, preReleaseVersion" $c "http://127.0.0.1:$PORT$LIST" "$auth")"); done
rss_engine=$(peak_rss_mib "$SERVER_PID")
stop_server
while IFS= read -r r; do rows+=("$r"); done < <(bare_rows "bare: fixed one-build document" "$WORK/one.json")
while IFS= read -r r; do rows+=("$r"); done < <(bare_rows "bare: fixed 50-build document" "$WORK/list.json")
one1=${rows[0]}; one64=${rows[1]}; list1=${rows[2]}; list64=${rows[3]}
bone1=${rows[4]}; bone64=${rows[5]}; blist1=${rows[6]}; blist64=${rows[7]}

# ---- 2. Growth ----
growth_rows=()
growth_rss=()
growth_sizes=()
if [ "$GROWTH_LARGE" != 0 ]; then
  for n in "$GROWTH_SMALL" "$GROWTH_LARGE"; do
    dir="$WORK/growth$n"
    seed "$dir" 10 5 "$n"
    start_server "pomona, $n builds" $PORT "$dir" --rate-limit 0
    MEASURED_PID=$SERVER_PID
    token=$(token_from "$dir/seed.txt")
    auth="Authorization: Bearer $token"
    next=$(curl -sf -H "$auth" "http://127.0.0.1:$PORT$GROWTH_PAGE" \
      | "$JAVA" -cp "$TOOLS_JAR" "$ROOT/bench/JsonField.java" /links/next)
    growth_rows+=("$(run_wrk "$n builds: first page" 64 "http://127.0.0.1:$PORT$GROWTH_PAGE" "$auth")")
    growth_rows+=("$(run_wrk "$n builds: next page (cursor)" 64 "$next" "$auth")")
    growth_rss+=("$(peak_rss_mib "$SERVER_PID")")
    growth_sizes+=("$n")
    stop_server
    rm -rf "$dir"
  done
fi

{
  echo
  echo "## Engine — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(machine_line). Server flags: \`${JVM_FLAGS:-(JVM defaults)}\`${CDS_FLAGS:+, plus the class-data archive (\`$CDS_FLAGS\`)}."
  echo "wrk ${BENCH_SECONDS} s after ${WARMUP_SECONDS} s warm-up, load generator on the same cores; rate limit off; one"
  echo "cached ES256 token. Data: 10 apps × 5 pre-release versions, $ENGINE_BUILDS builds linked to both."
  echo "GET one: \`$ONE\` ($one_bytes bytes). List: \`$LIST\` ($list_bytes bytes)."
  echo "Reproduce: \`bench/engine.sh\`."
  echo "Load average (1/5/15 min) at start: $LOAD_AT_START; at end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  wrk_table "${rows[@]}"
  echo
  r_one=$(ratio "$(field "$one64" 3)" "$(field "$bone64" 3)")
  r_list=$(ratio "$(field "$list64" 3)" "$(field "$blist64" 3)")
  echo "| target | measured | |"
  echo "|---|---:|---|"
  echo "| GET one ≥ 40% of the bare server at 64 connections | $r_one (1 connection: $(ratio "$(field "$one1" 3)" "$(field "$bone1" 3)")) | $(pass "$(awk -v r="$r_one" 'BEGIN {print (r >= 0.40)}')") |"
  echo "| list ≥ 15% of the bare server at 64 connections | $r_list (1 connection: $(ratio "$(field "$list1" 3)" "$(field "$blist1" 3)")) | $(pass "$(awk -v r="$r_list" 'BEGIN {print (r >= 0.15)}')") |"
  echo "| GET one ≥ 20,000 req/s at 64 connections | $(field "$one64" 3) | $(pass "$(( $(field "$one64" 3) >= 20000 ))") |"
  echo "| list ≥ 8,000 req/s at 64 connections | $(field "$list64" 3) | $(pass "$(( $(field "$list64" 3) >= 8000 ))") |"
  echo "| p99 ≤ 30 ms at 64 connections | one $(field "$one64" 5) ms, list $(field "$list64" 5) ms | $(pass "$(awk -v a="$(field "$one64" 5)" -v b="$(field "$list64" 5)" 'BEGIN {print (a <= 30 && b <= 30)}')") |"
  echo
  echo "Server peak RSS (VmHWM) during the runs above: $rss_engine MiB."
  if [ ${#growth_rows[@]} -gt 0 ]; then
    echo
    echo "Growth: \`$GROWTH_PAGE\` (about 70% of builds are VALID) and its \`links.next\`, 64 connections."
    echo
    wrk_table "${growth_rows[@]}"
    echo
    first_ratio=$(ratio "$(field "${growth_rows[2]}" 5)" "$(field "${growth_rows[0]}" 5)")
    next_ratio=$(ratio "$(field "${growth_rows[3]}" 5)" "$(field "${growth_rows[1]}" 5)")
    echo "| target | measured | |"
    echo "|---|---:|---|"
    echo "| p99 with ${growth_sizes[1]} builds within 2× of ${growth_sizes[0]}: first page | $first_ratio× ($(field "${growth_rows[0]}" 5) → $(field "${growth_rows[2]}" 5) ms) | $(pass "$(awk -v r="$first_ratio" 'BEGIN {print (r <= 2)}')") |"
    echo "| same, next page by cursor | $next_ratio× ($(field "${growth_rows[1]}" 5) → $(field "${growth_rows[3]}" 5) ms) | $(pass "$(awk -v r="$next_ratio" 'BEGIN {print (r <= 2)}')") |"
    echo "| server peak RSS (VmHWM) under that load with ${growth_sizes[1]} builds ≤ 512 MiB | ${growth_rss[1]} MiB (${growth_sizes[0]} builds: ${growth_rss[0]} MiB) | $(pass "$(( growth_rss[1] <= 512 ))") |"
  fi
} | tee -a "$RESULTS"
