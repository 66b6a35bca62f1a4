#!/usr/bin/env bash
# Runs the sessionsdk benchmarks (issues 7, 22 and 32) and prints the ratio tables, last the one table of
# issue 32's targets (met / MISS / MISS (within noise) / not run); see docs/benchmarks.md.
#
#   bash sdk-benchmarks/run.sh           full run (~65 min on 2 cores): side-by-side ratios, the fleet's CPU
#                                        per poll against a bare loop, feed memory, the 10-minute fleet run
#                                        at 10,000 endpoints, JMH, 1 GB memory check per vendor
#   bash sdk-benchmarks/run.sh --smoke   everything once, short and on small data (~5 min)
#
# Environment:
#   JMH_ARGS       JMH settings (full default: -f 1 -wi 2 -i 3 -w 5s -r 5s)
#   MEMORY_BYTES   size of the generated response in the memory check (full default: 1 GiB)
#   ROUNDS         alternating rounds per side-by-side ratio (full default: 21)
#   FLEET          "endpoints intervalSeconds durationSeconds schedulerThreads" (full default: 10000 10 600 4)
#   FLEET_CPU      "endpoints intervalSeconds roundSeconds rounds schedulerThreads" of the CPU-per-poll
#                  side by side (full default: 2000 2 25 9 4)
#   MVN_ARGS       extra Maven arguments, e.g. "-am" on a fresh clone (builds the sdk modules too), "-o"
#   SKIP_BUILD=1   reuse sdk-benchmarks/target/benchmarks.jar
#   SKIP_JMH=1     leave out JMH (issue 7's tables 1, 3, 4; the memory checks still run)
#
# Results: sdk-benchmarks/target/bench/ (sidebyside.jsonl with the fleet's CPU per poll, feed-memory.json,
# fleet.json, jmh.json,
# jmh.log, memory-*.json, table.md).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--smoke" ]]; then
  JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 0 -i 1 -w 1s -r 1s -p records=20000"}
  MEMORY_BYTES=${MEMORY_BYTES:-20000000}
  ROUNDS=${ROUNDS:-3}
  FLEET=${FLEET:-"100 2 20 4"}
  FLEET_CPU=${FLEET_CPU:-"40 1 3 2 2"}
  SCALE="-Dsidebyside.scale=0.1"
else
  JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 2 -i 3 -w 5s -r 5s"}
  MEMORY_BYTES=${MEMORY_BYTES:-1073741824}
  ROUNDS=${ROUNDS:-21}
  FLEET=${FLEET:-"10000 10 600 4"}
  FLEET_CPU=${FLEET_CPU:-"2000 2 25 9 4"}
  SCALE=""
fi

JAR=sdk-benchmarks/target/benchmarks.jar
# The JDK's HttpClient.sendAsync hands each answer to the common pool, which starts a thread per task
# when its parallelism is below 2 (2 CPUs): the fleets poll asynchronously, so they get the setting the
# SDK's warning asks for (see docs/benchmarks.md, round 3)
POOL="-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
OUT=sdk-benchmarks/target/bench

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  # shellcheck disable=SC2086
  mvn -B -ntp -q package -pl sdk-benchmarks -DskipTests ${MVN_ARGS:-}
fi
rm -rf "$OUT"
mkdir -p "$OUT"

echo "== machine: $(nproc) CPUs; $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
# Issue 22: each ratio in a JVM of its own, both sides in alternating rounds (see docs/benchmarks.md)
SBS="org.sessionsdk.benchmarks.sidebyside.SideBySide"
side() { # heap, then SideBySide arguments
  local heap=$1; shift
  # shellcheck disable=SC2086
  java "$heap" $SCALE -Dout="$OUT/sidebyside.jsonl" "${EXTRA[@]}" -cp "$JAR" "$SBS" "$@" 2>> "$OUT/sidebyside.err" \
    || echo "side by side $* failed (exit $?), see $OUT/sidebyside.err"
}
echo "== side by side: parse, per call, feeds, concurrency ($ROUNDS rounds each)"
EXTRA=()
for v in plesk ekran saymon senhasegura; do side -Xmx2g parse "$v" 200000 "$ROUNDS"; done
for v in plesk ekran; do side -Xmx512m percall "$v" "$ROUNDS"; done
for v in plesk ekran saymon senhasegura; do side -Xmx512m feed "$v" "$ROUNDS"; done
# the bare side's CompletableFuture stages run on the common pool: sized like the SDK's async pool (8),
# so that a 2-core machine does not start a thread per response for it
EXTRA=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=8 -Dsun.net.httpserver.maxIdleConnections=1024)
side -Xmx1g concurrency "$ROUNDS"
side -Xmx1g concurrency "$ROUNDS" direct

echo "== fleet CPU per poll, SDK vs a bare loop: $FLEET_CPU (endpoints, interval s, round s, rounds, threads), -Xmx512m"
# shellcheck disable=SC2086
java -Xmx512m $POOL -Dout="$OUT/sidebyside.jsonl" -cp "$JAR" org.sessionsdk.benchmarks.fleet.FleetCpuPerPoll $FLEET_CPU \
    2>> "$OUT/fleet-cpu.err" || echo "fleet CPU per poll failed, see $OUT/fleet-cpu.err"

echo "== feed memory: a senhasegura feed over 100,000 rows, -Xmx32m"
if ! java -Xmx32m -cp "$JAR" org.sessionsdk.benchmarks.FeedMemoryCheck 100000 "$OUT/feed-memory.json" \
    2> "$OUT/feed-memory.err"; then
  echo "failed (exit $?): $(tail -3 "$OUT/feed-memory.err" | tr '\n' ' ')" > "$OUT/feed-memory.json"
fi

echo "== fleet: $FLEET (endpoints, poll interval s, duration s, scheduler threads), -Xmx512m; load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
if ! java -Xmx512m $POOL -cp "$JAR" org.sessionsdk.benchmarks.fleet.FleetRun $FLEET "$OUT/fleet.json" 2> "$OUT/fleet.err"; then
  echo "failed (exit $?): $(grep -v SLF4J "$OUT/fleet.err" | tail -3 | tr '\n' ' ')" > "$OUT/fleet.json"
  cat "$OUT/fleet.json"
fi

if [[ "${SKIP_JMH:-0}" != "1" ]]; then
  echo "== JMH: $JMH_ARGS"
  # shellcheck disable=SC2086
  java -jar "$JAR" $JMH_ARGS -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log"
fi

# issue 32's target 5 (and issue 7's table 2): not skipped with JMH
echo "== memory check: $MEMORY_BYTES bytes per vendor, -Xmx64m"
for v in plesk ekran saymon senhasegura; do
  if ! java -Xmx64m -cp "$JAR" org.sessionsdk.benchmarks.MemoryCheck "$v" "$MEMORY_BYTES" "$OUT/memory-$v.json" \
      2> "$OUT/memory-$v.err"; then
    echo "failed (exit $?): $(tail -3 "$OUT/memory-$v.err" | tr '\n' ' ')" > "$OUT/memory-$v.json"
    cat "$OUT/memory-$v.json"
  fi
done

echo
java -cp "$JAR" org.sessionsdk.benchmarks.Report "$OUT/jmh.json" "$OUT" "$JMH_ARGS"
