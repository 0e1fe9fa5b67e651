#!/usr/bin/env bash
# Issue 2 benchmark: authenticated requests to a cheap route at 1 and 64 connections, with and
# without the verified-token cache, beside the same server answering the same route without
# authentication — all in one run. Appends a dated section to bench/results.md.
#   BENCH_SECONDS (default 10) and WARMUP_SECONDS (default 3) set the run lengths.
source "$(dirname "$0")/lib.sh"
need_wrk
build_jar
ROUTE=/v1/apps
rows=()

start_server "no-auth" 18081 --rate-limit 0 --insecure-no-auth
startup_bare=$STARTUP_MS; rss_bare=$RSS_MIB
for c in 1 64; do rows+=("$(run_wrk "no auth (baseline)" $c "http://127.0.0.1:18081$ROUTE")"); done
stop_server

start_server "auth+cache" 18082 --rate-limit 0
startup_auth=$STARTUP_MS; rss_auth=$RSS_MIB
token=$(default_token)
for c in 1 64; do rows+=("$(run_wrk "ES256, token cache" $c "http://127.0.0.1:18082$ROUTE" "Authorization: Bearer $token")"); done
stop_server

start_server "auth, no cache" 18083 --rate-limit 0 --token-cache=false
token=$(default_token)
for c in 1 64; do rows+=("$(run_wrk "ES256, no cache (every token never seen)" $c "http://127.0.0.1:18083$ROUTE" "Authorization: Bearer $token")"); done
stop_server

{
  echo
  echo "## Authentication — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "GET $ROUTE, wrk ${BENCH_SECONDS:-10}s after ${WARMUP_SECONDS:-3}s warm-up, load generator on the same machine."
  echo
  echo "| server | connections | req/s | p50 | p99 |"
  echo "|---|---:|---:|---:|---:|"
  for r in "${rows[@]}"; do IFS='|' read -r l c rps p50 p99 <<<"$r"; echo "| $l | $c | $rps | $p50 | $p99 |"; done
  echo
  echo "Start-up to first answered request: ${startup_auth} ms (auth), ${startup_bare} ms (no auth); RSS after start-up: ${rss_auth} MiB."
} | tee -a "$ROOT/bench/results.md"
