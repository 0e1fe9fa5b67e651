# Shared helpers for the benchmark scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/pomona.jar"

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
  (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -q -B -DskipTests package)
}

# start_server NAME PORT EXTRA_ARGS... : starts pomona in the background on a fresh data dir,
# waits for the first answered request and records start-up ms and RSS. Sets SERVER_PID, DATA_DIR.
start_server() {
  local name=$1 port=$2; shift 2
  DATA_DIR="$(mktemp -d)"
  local t0; t0=$(date +%s%N)
  "$JAVA" -jar "$JAR" serve --port "$port" --data-dir "$DATA_DIR" "$@" >"$DATA_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 200); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/v1/apps"; then break; fi
    sleep 0.02
  done
  local t1; t1=$(date +%s%N)
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
  RSS_MIB=$(( $(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status") / 1024 ))
  echo "$name: started in ${STARTUP_MS} ms, RSS ${RSS_MIB} MiB" >&2
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}

# A token for the default ADMIN key the server created on first start.
default_token() {
  local p8; p8=$(ls "$DATA_DIR"/AuthKey_*.p8 | head -1)
  local kid; kid=$(basename "$p8" .p8); kid=${kid#AuthKey_}
  local issuer; issuer=$(awk -F': *' '/Issuer ID/ {print $2; exit}' "$DATA_DIR/server.log")
  "$JAVA" -jar "$JAR" token --key-file "$p8" --key-id "$kid" --issuer "$issuer" --lifetime 1200
}

# run_wrk LABEL CONNECTIONS URL [HEADER] : prints "label|conns|req/s|p50|p99"
run_wrk() {
  local label=$1 conns=$2 url=$3 header=${4:-}
  local threads=$(( conns > 1 ? 2 : 1 ))
  local args=(-t"$threads" -c"$conns" -d"${BENCH_SECONDS:-10}s" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d"${WARMUP_SECONDS:-3}s" "$url" >/dev/null
  local out; out=$(wrk "${args[@]}" "$url")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local p50; p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  local p99; p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$label|$conns|$rps|$p50|$p99"
}
