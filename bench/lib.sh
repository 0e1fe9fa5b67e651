# Shared helpers for the benchmark scripts (sourced, not run). Not part of the test suite:
# load tests run against 127.0.0.1 only, each bounded in time.
#
# Environment:
#   BENCH_SECONDS (default 10), WARMUP_SECONDS (default 5)  length of each measured / warm-up run
#   SKIP_BUILD=1                                           use the jar as it is
#   POMONA_JAR                                             another jar (e.g. an older build, for before/after)
#   POMONA_JVM_FLAGS                                       JVM flags of the server (default: $RECOMMENDED_JVM_FLAGS)
#   RESULTS_FILE                                           where to append the results (default bench/results.md)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${POMONA_JAR:-$ROOT/server/target/pomona.jar}"
# The helper programs (seeding, minting, the bare server) always run on this tree's build.
TOOLS_JAR="$ROOT/server/target/pomona.jar"
RESULTS="${RESULTS_FILE:-$ROOT/bench/results.md}"
# The flags the README recommends for `serve` (see bench/results.md for why).
RECOMMENDED_JVM_FLAGS=""
JVM_FLAGS="${POMONA_JVM_FLAGS-$RECOMMENDED_JVM_FLAGS}"
BENCH_SECONDS="${BENCH_SECONDS:-10}"
WARMUP_SECONDS="${WARMUP_SECONDS:-5}"

pick_java() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then echo "$candidate/bin/java"; return; fi
  done
  command -v java
}
JAVA="$(pick_java)"

need_wrk() {
  command -v wrk >/dev/null 2>&1 && return
  echo "installing wrk (Debian package)" >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
}

build_jar() {
  [ "${SKIP_BUILD:-0}" = 1 ] && return
  (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -q -B -DskipTests package)
}

machine_line() {
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
}

# Waits (without forking: a curl every few ms would steal a core from the JVM starting up) until
# something listens on PORT, then for the first answer to one request. Fails after 30 s.
wait_for_answer() {
  local port=$1 url=$2
  for _ in $(seq 1 3000); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then exec 3>&-; break; fi
    sleep 0.01
  done
  curl -s -o /dev/null --max-time 30 "$url"
}

rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
peak_rss_mib() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start_server NAME PORT DATA_DIR EXTRA_ARGS... : starts pomona in the background on DATA_DIR,
# measures start-up to the first answered request, waits for its welcome, and records RSS.
# Sets SERVER_PID, STARTUP_MS, RSS_MIB.
start_server() {
  local name=$1 port=$2; DATA_DIR=$3; shift 3
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS -jar "$JAR" serve --port "$port" --data-dir "$DATA_DIR" "$@" >"$DATA_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  wait_for_answer "$port" "http://127.0.0.1:$port/v1/apps"
  local t1; t1=$(date +%s%N)
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
  for _ in $(seq 1 500); do
    grep -q -E "^(JSON key|Data directory)" "$DATA_DIR/server.log" && break
    sleep 0.02
  done
  RSS_MIB=$(rss_mib "$SERVER_PID")
  echo "$name: first answer after ${STARTUP_MS} ms, RSS ${RSS_MIB} MiB" >&2
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

# A token (20 minutes) for the key whose "Issuer ID / Key ID / Key file" lines are in FILE
# (the server's first-start log, or the seeder's output).
token_from() {
  local file=$1
  local issuer kid p8
  issuer=$(awk -F': *' '/^Issuer ID/ {print $2; exit}' "$file")
  kid=$(awk -F': *' '/^Key ID/ {print $2; exit}' "$file")
  p8=$(awk -F': *' '/^Key file/ {print $2; exit}' "$file")
  "$JAVA" -jar "$TOOLS_JAR" token --key-file "$p8" --key-id "$kid" --issuer "$issuer" --lifetime 1200
}

# "187.00us" / "4.75ms" / "1.20s" -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}

# run_wrk LABEL CONNECTIONS URL [HEADER] [LUA_SCRIPT] : warms up, measures, and prints
# "label|conns|req/s|p50 ms|p99 ms|mean ms|server CPU µs per request|non-2xx" for the server $MEASURED_PID.
run_wrk() {
  local label=$1 conns=$2 url=$3 header=${4:-} script=${5:-}
  local threads=$(( conns > 1 ? 2 : 1 ))
  local args=(-t"$threads" -c"$conns" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  [ -n "$script" ] && args+=(-s "$script")
  [ "$WARMUP_SECONDS" != 0 ] && wrk "${args[@]}" -d"${WARMUP_SECONDS}s" "$url" >/dev/null
  local c0; c0=$(cpu_ticks "$MEASURED_PID")
  local out; out=$(wrk "${args[@]}" -d"${BENCH_SECONDS}s" "$url")
  local c1; c1=$(cpu_ticks "$MEASURED_PID")
  local rps; rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  local total; total=$(awk '/requests in/ {print $1}' <<<"$out")
  local p50; p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  local p99; p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  local mean; mean=$(to_ms "$(awk '$1=="Latency" {print $2; exit}' <<<"$out")")
  local bad; bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); bad=${bad:-0}
  local errors; errors=$(awk '/Socket errors/ {print $0}' <<<"$out")
  [ -n "$errors" ] && echo "$label: $errors" >&2
  local tick_us=$(( 1000000 / $(getconf CLK_TCK) ))
  local cpu_us; cpu_us=$(awk -v t=$(( (c1 - c0) * tick_us )) -v n="$total" 'BEGIN {printf "%d", n ? t / n : 0}')
  echo "$label|$conns|$rps|$p50|$p99|$mean|$cpu_us|$bad"
}

# Markdown rows for run_wrk lines.
wrk_table() {
  echo "| server | connections | req/s | p50 ms | p99 ms | mean ms | server CPU µs/req | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for r in "$@"; do
    IFS='|' read -r l c rps p50 p99 mean cpu bad <<<"$r"
    echo "| $l | $c | $rps | $p50 | $p99 | $mean | $cpu | $bad |"
  done
}

# field ROW INDEX (1-based, of the run_wrk line)
field() { cut -d'|' -f"$2" <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b ? a / b : 0}'; }
pass() { awk -v ok="$1" 'BEGIN {print ok ? "met" : "**missed**"}'; }
