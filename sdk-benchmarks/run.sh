#!/usr/bin/env bash
# Runs the sessionsdk benchmarks (issue 7) and prints the ratio table; see docs/benchmarks.md.
#
#   bash sdk-benchmarks/run.sh           full run: JMH + 1 GB memory check per vendor (~15 min on 2 cores)
#   bash sdk-benchmarks/run.sh --smoke   one short iteration of each benchmark on small data (~3 min)
#
# Environment:
#   JMH_ARGS      JMH settings (full default: -f 1 -wi 2 -i 3 -w 5s -r 5s)
#   MEMORY_BYTES  size of the generated response in the memory check (full default: 1 GiB)
#   MVN_ARGS      extra Maven arguments, e.g. "-am" on a fresh clone (builds the sdk modules too), "-o"
#   SKIP_BUILD=1  reuse sdk-benchmarks/target/benchmarks.jar
#
# Results: sdk-benchmarks/target/bench/ (jmh.json, jmh.log, memory-*.json, table.md).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--smoke" ]]; then
  JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 0 -i 1 -w 1s -r 1s -p records=20000"}
  MEMORY_BYTES=${MEMORY_BYTES:-20000000}
else
  JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 2 -i 3 -w 5s -r 5s"}
  MEMORY_BYTES=${MEMORY_BYTES:-1073741824}
fi

JAR=sdk-benchmarks/target/benchmarks.jar
OUT=sdk-benchmarks/target/bench

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  # shellcheck disable=SC2086
  mvn -B -ntp -q package -pl sdk-benchmarks -DskipTests ${MVN_ARGS:-}
fi
rm -rf "$OUT"
mkdir -p "$OUT"

echo "== machine: $(nproc) CPUs; $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== JMH: $JMH_ARGS"
# shellcheck disable=SC2086
java -jar "$JAR" $JMH_ARGS -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log"

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
