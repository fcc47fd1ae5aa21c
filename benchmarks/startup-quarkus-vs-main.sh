#!/usr/bin/env bash
# Startup time and memory of the two example applications, measured in the same run, round by round:
#   quarkus  java -jar examples/quarkus/target/quarkus-app/quarkus-run.jar   (Camel Quarkus 3.27, JVM mode)
#   main     java -cp examples/target/classes:<its runtime class path> io.camelgenesys.examples.GenesysExamples
# Both run the same three routes (CRM sync, reconciliation scan, agent-state stream) against a genesys-simulator
# started inside the application (Camel Main: genesys.simulator=true; Quarkus: in-packaged-app), with the same JVM
# and the same JAVA_OPTS. Figures per round: "started" = wall time from launch until the framework logs that it has
# started; "first upsert" = until the CRM sync has upserted its first contact (a real round trip through OAuth and
# the contacts API); RSS and peak RSS (VmHWM) of the process after SETTLE seconds of running. Printed: the median of
# each and the ratio quarkus/main; and, since a shared machine's load moves between rounds, the paired ratios: each
# round's quarkus/main ratio (both measured back to back), their median and min-max, with the load average.
#
#   benchmarks/startup-quarkus-vs-main.sh            # builds both examples first (mvn package, no tests)
#   SKIP_BUILD=true RUNS=5 SETTLE=30 JAVA_OPTS=-Xmx256m benchmarks/startup-quarkus-vs-main.sh
#   MAIN_OPTS='-Dexample.crm-db=false ...' ...   # options for the Camel Main example only (default: none)
# The Camel Main example has more routes than the Quarkus one (CRM database sync on H2, UDM export, queue recordings,
# SMS bridge, CRM cases); MAIN_OPTS=parity (PARITY_OPTS below) turns off those it has switches for, leaving the
# Quarkus example's routes plus the one-shot queue-recordings route, for a comparison of the frameworks rather than
# of the two applications.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SETTLE=${SETTLE:-20}
JAVA_OPTS=${JAVA_OPTS:-}
MAIN_OPTS=${MAIN_OPTS:-}
PARITY_OPTS='-Dexample.crm-db=false -Dexample.udm-export=false -Dexample.sms-bridge=false -Dexample.crm-cases=false'
[[ $MAIN_OPTS == parity ]] && MAIN_OPTS=$PARITY_OPTS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/genesys-startup.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [[ "${SKIP_BUILD:-false}" != true ]]; then
  echo "Building both examples (mvn package, tests skipped) ..."
  mvn -B -q -DskipTests -pl examples,examples/quarkus -am package dependency:build-classpath \
      -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
fi
QUARKUS_JAR=examples/quarkus/target/quarkus-app/quarkus-run.jar
MAIN_CP="examples/target/classes:$(cat examples/target/runtime-classpath.txt)"
[[ -f $QUARKUS_JAR ]] || { echo "missing $QUARKUS_JAR: run without SKIP_BUILD=true" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# run NAME STARTED_REGEX -- command...   prints: started_ms first_upsert_ms rss_kb hwm_kb
run() {
  local name=$1 started_re=$2; shift 3
  local log="$WORK/$name.log" t0 started="" upsert="" pid
  t0=$(now_ms)
  "$@" >"$log" 2>&1 &
  pid=$!
  while [[ -z $upsert ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before its first upsert; its log:" >&2; tail -40 "$log" >&2; exit 1
    fi
    if (( $(now_ms) - t0 > 180000 )); then
      echo "$name: no upsert within 180 s; its log:" >&2; tail -40 "$log" >&2; kill "$pid"; exit 1
    fi
    [[ -z $started ]] && grep -Eq "$started_re" "$log" && started=$(( $(now_ms) - t0 ))
    grep -q "CRM sync: upserted" "$log" && upsert=$(( $(now_ms) - t0 ))
    sleep 0.05
  done
  [[ -z $started ]] && started=$upsert
  sleep "$SETTLE"
  local rss hwm
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$started $upsert $rss $hwm"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -a Q_STARTED Q_UPSERT Q_RSS Q_HWM M_STARTED M_UPSERT M_RSS M_HWM
declare -a P_STARTED P_UPSERT P_RSS P_HWM
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
printf '%-5s %-8s %12s %16s %10s %10s\n' round app "started ms" "first upsert ms" "RSS MB" "peak MB"
for ((i = 1; i <= RUNS; i++)); do
  # alternate which one goes first, so that neither always meets a cold page cache
  order=(quarkus main); (( i % 2 == 0 )) && order=(main quarkus)
  for app in "${order[@]}"; do
    if [[ $app == quarkus ]]; then
      read -r s u r h < <(run quarkus ') started in [0-9.]+s' -- \
          java $JAVA_OPTS -Dexample.work-dir="$WORK/quarkus-$i" -Dquarkus.http.port=0 -jar "$QUARKUS_JAR")
      Q_STARTED+=("$s"); Q_UPSERT+=("$u"); Q_RSS+=("$r"); Q_HWM+=("$h")
    else
      read -r s u r h < <(run main 'Apache Camel [0-9.]+ \(genesys-examples\) started in' -- \
          java $JAVA_OPTS $MAIN_OPTS -Dexample.work-dir="$WORK/main-$i" -cp "$MAIN_CP" io.camelgenesys.examples.GenesysExamples)
      M_STARTED+=("$s"); M_UPSERT+=("$u"); M_RSS+=("$r"); M_HWM+=("$h")
    fi
    printf '%-5s %-8s %12s %16s %10s %10s\n' "$i" "$app" "$s" "$u" $(( r / 1024 )) $(( h / 1024 ))
  done
  # this round's pair, measured back to back under (nearly) the same load
  P_STARTED+=("$(ratio "${Q_STARTED[-1]}" "${M_STARTED[-1]}")"); P_UPSERT+=("$(ratio "${Q_UPSERT[-1]}" "${M_UPSERT[-1]}")")
  P_RSS+=("$(ratio "${Q_RSS[-1]}" "${M_RSS[-1]}")"); P_HWM+=("$(ratio "${Q_HWM[-1]}" "${M_HWM[-1]}")")
  printf '%-5s %-8s %12s %16s %10s %10s   (load %s)\n' "$i" "q/m" "${P_STARTED[-1]}" "${P_UPSERT[-1]}" \
      "${P_RSS[-1]}" "${P_HWM[-1]}" "$(cut -d' ' -f1 /proc/loadavg)"
done

med() { printf '%s\n' "$@" | median; }
qs=$(med "${Q_STARTED[@]}"); ms=$(med "${M_STARTED[@]}")
qu=$(med "${Q_UPSERT[@]}"); mu=$(med "${M_UPSERT[@]}")
qr=$(med "${Q_RSS[@]}"); mr=$(med "${M_RSS[@]}")
qh=$(med "${Q_HWM[@]}"); mh=$(med "${M_HWM[@]}")
echo
echo "medians of $RUNS rounds (JAVA_OPTS='${JAVA_OPTS}', MAIN_OPTS='${MAIN_OPTS}', RSS after ${SETTLE} s)"
printf '%-16s %12s %12s %16s\n' "" quarkus main "ratio q/m"
printf '%-16s %12s %12s %16s\n' "started ms" "$qs" "$ms" "$(ratio "$qs" "$ms")"
printf '%-16s %12s %12s %16s\n' "first upsert ms" "$qu" "$mu" "$(ratio "$qu" "$mu")"
printf '%-16s %12s %12s %16s\n' "RSS MB" "$(( ${qr%.*} / 1024 ))" "$(( ${mr%.*} / 1024 ))" "$(ratio "$qr" "$mr")"
printf '%-16s %12s %12s %16s\n' "peak RSS MB" "$(( ${qh%.*} / 1024 ))" "$(( ${mh%.*} / 1024 ))" "$(ratio "$qh" "$mh")"

# the figures to quote on a loaded machine: the median and range of the per-round ratios
span() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%s-%s", lo, hi}'; }
echo
echo "paired ratios quarkus/main over $RUNS rounds (load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-16s %8s %12s\n' "" median "min-max"
printf '%-16s %8s %12s\n' "started" "$(med "${P_STARTED[@]}")" "$(span "${P_STARTED[@]}")"
printf '%-16s %8s %12s\n' "first upsert" "$(med "${P_UPSERT[@]}")" "$(span "${P_UPSERT[@]}")"
printf '%-16s %8s %12s\n' "RSS" "$(med "${P_RSS[@]}")" "$(span "${P_RSS[@]}")"
printf '%-16s %8s %12s\n' "peak RSS" "$(med "${P_HWM[@]}")" "$(span "${P_HWM[@]}")"
