#!/usr/bin/env bash
# Issue 4 (webhooks) benchmark: API latency on a real server while webhook receivers behave well,
# hang on every request, or refuse connections; and how fast state changes reach a receiver.
# Runs io.pomona.sim.webhooks.WebhookDeliveryBenchmark (test classes: it drives the server through
# the test helpers) and appends a dated section to bench/results.md.
source "$(dirname "$0")/lib.sh"
JAVA_HOME="$(dirname "$(dirname "$JAVA")")"
export JAVA_HOME
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
(cd "$ROOT" && ./mvnw -q -B -ntp -pl server -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
out=$("$JAVA" -cp "$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$CP_FILE")" \
  io.pomona.sim.webhooks.WebhookDeliveryBenchmark 2>/dev/null)
{
  echo
  echo "## Webhooks — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo '```'
  echo "$out"
  echo '```'
} | tee -a "$ROOT/bench/results.md"
