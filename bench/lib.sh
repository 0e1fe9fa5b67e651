# Shared helpers for the benchmark scripts (sourced, not run). Not part of the test suite:
# load tests run against 127.0.0.1 only, each bounded in time.
#
# Environment:
#   BENCH_SECONDS (default 10), WARMUP_SECONDS (default 15) length of each measured / warm-up run
#   SKIP_BUILD=1                                           use the jar as it is
#   POMONA_JAR                                             another jar (e.g. an older build, for before/after)
#   POMONA_JVM_FLAGS                                       JVM flags of the server (default: $RECOMMENDED_JVM_FLAGS)
#   POMONA_CDS (default 1)                                 the README's class-data archive flags on `serve` (0: none)
#   RESULTS_FILE                                           where to append the results (default bench/results.md)
#   QUIET_CORES (default 0.5), QUIET_WAIT (default 120)     before each measured run, wait up to QUIET_WAIT s
#                                                          until other processes use less than QUIET_CORES
#
# The machine may be shared (CI, other builds): every row also reports the CPU that processes other
# than the server and wrk used during it ("others, cores") and the 1-minute load average, so a
# distorted row is visible. Ratios compare rows measured minutes apart in the same run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${POMONA_JAR:-$ROOT/server/target/pomona.jar}"
# The helper programs (seeding, minting, the bare server) always run on this tree's build.
TOOLS_JAR="$ROOT/server/target/pomona.jar"
RESULTS="${RESULTS_FILE:-$ROOT/bench/results.md}"
# The JVM flags ./pomona (the README's launcher) runs the server with; the bare server gets them too.
RECOMMENDED_JVM_FLAGS="$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/pomona")"
JVM_FLAGS="${POMONA_JVM_FLAGS-$RECOMMENDED_JVM_FLAGS}"
# The README's start-up flags: a class-data archive beside the jar, written by the JVM when a run
# ends and used by the next (the first run after a new build starts at the old speed). Only for
# Pomona's `serve`: another program on the same archive path would overwrite it with its own
# classes. POMONA_CDS=0 measures without it.
CDS_FLAGS=""
[ "${POMONA_CDS:-1}" = 1 ] && CDS_FLAGS="-XX:SharedArchiveFile=${JAR%.jar}.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off"
BENCH_SECONDS="${BENCH_SECONDS:-10}"
# 15 s, not 5: the JIT needs about half a minute of one request shape to settle (C2 compilations
# per 10 s of the 50-build list from a cold start: 4014, 839, 388, then ~55), and the bare server
# it is compared with has almost nothing to compile. Steady state is what the ratios are about.
WARMUP_SECONDS="${WARMUP_SECONDS:-15}"

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
# Busy ticks of the whole machine (all cores), from /proc/stat.
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# Sets TICKS to the ticks of children this shell has waited for (user + system), from the `times`
# builtin. Call it directly, never as $(...): a subshell's `times` sees only its own children.
children_ticks() {
  local file; file=$(mktemp)
  times >"$file"
  TICKS=$(awk -v hz="$(getconf CLK_TCK)" 'NR == 2 {
    split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * hz }' "$file")
  rm -f "$file"
}

# Waits until processes other than ours use less than $QUIET_CORES cores (sampled over 2 s), at most
# $QUIET_WAIT seconds; then goes on regardless (the rows will show the interference).
wait_for_quiet() {
  local deadline=$(( $(date +%s) + ${QUIET_WAIT:-120} ))
  while true; do
    local b0 s0=0 b1 s1=0
    b0=$(machine_busy_ticks); [ -n "${MEASURED_PID:-}" ] && [ -e "/proc/$MEASURED_PID" ] && s0=$(cpu_ticks "$MEASURED_PID")
    sleep 2
    b1=$(machine_busy_ticks); [ -n "${MEASURED_PID:-}" ] && [ -e "/proc/$MEASURED_PID" ] && s1=$(cpu_ticks "$MEASURED_PID")
    local others; others=$(awk -v t=$(( (b1 - b0) - (s1 - s0) )) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz / 2}')
    if awk -v o="$others" -v q="${QUIET_CORES:-0.5}" 'BEGIN {exit !(o < q)}'; then return; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "machine still busy (others use $others cores); measuring anyway" >&2
      return
    fi
    echo "waiting for a quieter machine (others use $others cores)" >&2
    sleep 3
  done
}

# start_server NAME PORT DATA_DIR EXTRA_ARGS... : starts pomona in the background on DATA_DIR,
# measures start-up to the first answered request, waits for its welcome, and records RSS.
# Sets SERVER_PID, STARTUP_MS, RSS_MIB.
start_server() {
  local name=$1 port=$2; DATA_DIR=$3; shift 3
  wait_for_quiet
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $JVM_FLAGS $CDS_FLAGS -jar "$JAR" serve --port "$port" --data-dir "$DATA_DIR" "$@" >"$DATA_DIR/server.log" 2>&1 &
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
# "label|conns|req/s|p50 ms|p99 ms|mean ms|server CPU µs per request|non-2xx|others' cores|load"
# for the server $MEASURED_PID.
run_wrk() {
  local label=$1 conns=$2 url=$3 header=${4:-} script=${5:-}
  local threads=$(( conns > 1 ? 2 : 1 ))
  local args=(-t"$threads" -c"$conns" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  [ -n "$script" ] && args+=(-s "$script")
  [ "$WARMUP_SECONDS" != 0 ] && wrk "${args[@]}" -d"${WARMUP_SECONDS}s" "$url" >/dev/null
  wait_for_quiet
  local load; load=$(load1)
  local c0; c0=$(cpu_ticks "$MEASURED_PID")
  local m0; m0=$(machine_busy_ticks)
  children_ticks; local w0=$TICKS
  local t0; t0=$(date +%s%N)
  local out; out=$(wrk "${args[@]}" -d"${BENCH_SECONDS}s" "$url")
  local t1; t1=$(date +%s%N)
  local c1; c1=$(cpu_ticks "$MEASURED_PID")
  local m1; m1=$(machine_busy_ticks)
  children_ticks; local w1=$TICKS
  # Everything busy on the machine minus the server and wrk: other people's work.
  local others; others=$(awk -v t=$(( (m1 - m0) - (c1 - c0) - (w1 - w0) )) -v hz="$(getconf CLK_TCK)" \
    -v s=$(( t1 - t0 )) 'BEGIN {o = t / hz / (s / 1e9); printf "%.2f", o < 0 ? 0 : o}')
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
  echo "$label|$conns|$rps|$p50|$p99|$mean|$cpu_us|$bad|$others|$load"
}

# Markdown rows for run_wrk lines.
wrk_table() {
  echo "| server | connections | req/s | p50 ms | p99 ms | mean ms | server CPU µs/req | non-2xx | others, cores | load 1 min |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for r in "$@"; do
    IFS='|' read -r l c rps p50 p99 mean cpu bad others load <<<"$r"
    echo "| $l | $c | $rps | $p50 | $p99 | $mean | $cpu | $bad | $others | $load |"
  done
}

# field ROW INDEX (1-based, of the run_wrk line)
field() { cut -d'|' -f"$2" <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b ? a / b : 0}'; }
pass() { awk -v ok="$1" 'BEGIN {print ok ? "met" : "**missed**"}'; }
