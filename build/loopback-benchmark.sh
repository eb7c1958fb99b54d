#!/usr/bin/env bash
# The loopback comparison of README "Performance": a canned API on 127.0.0.1 (Kestrel, precomputed
# bytes), then the same workloads done by the SDK, by a hand-written HttpClient + Newtonsoft client
# (the baseline) and by the official TypeScript SDK (npm `sendblue`, pinned by
# tests/Sendblue.Benchmarks/ts/package-lock.json), each as its own process, RUNS times, interleaved.
# Prints a markdown table of medians (CPU = user + sys, wall, peak RSS) and the ratios, then the
# targets' verdicts from the ratio within each run (median and range over the runs), which drift
# between runs does not move; the client order rotates from run to run.
#
#   build/loopback-benchmark.sh                  RUNS=5 CALLS=20000 CONCURRENCY=16 TOTAL=100000 (defaults)
#   RUNS=3 build/loopback-benchmark.sh           fewer runs
#
# Needs the .NET SDK, node and npm; /usr/bin/time (GNU time) is installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

RUNS="${RUNS:-5}"
CALLS="${CALLS:-20000}"
CONCURRENCY="${CONCURRENCY:-16}"
TOTAL="${TOTAL:-100000}"
SMALL_TOTAL="${SMALL_TOTAL:-10000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bench="$root/tests/Sendblue.Benchmarks"
ts="$bench/ts"
dll="$bench/bin/Release/net10.0/Sendblue.Benchmarks.dll"

if [ ! -x /usr/bin/time ]; then
  echo "== installing GNU time (peak RSS and CPU of each process)" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null
  else
    echo "/usr/bin/time (GNU time) is missing: apt-get install time" >&2
    exit 1
  fi
fi

echo "== build (Release) and npm ci" >&2
dotnet build "$bench" -c Release -nologo -v quiet >&2
(cd "$ts" && npm ci --no-audit --no-fund --loglevel=error >&2)

work="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    sleep 0.5
    kill "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== canned server ($TOTAL messages)" >&2
mkfifo "$work/server.in"
dotnet "$dll" loopback-server "$TOTAL" <"$work/server.in" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
exec 3>"$work/server.in" # the server serves until this closes
for _ in $(seq 1 600); do
  [ -s "$work/server.out" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 1; }
  sleep 0.1
done
url="$(head -n1 "$work/server.out")"
[ -n "$url" ] || { echo "the canned server did not start" >&2; exit 1; }
echo "   $url" >&2

# One measured process: appends "<client> <workload> <wall s> <cpu s> <peak rss KiB>" to results.
measure() {
  local client="$1" workload="$2" base="$3" expected="$4"
  shift 4
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    echo "$client $workload failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
  local done
  done="$(sed -n 's/.*"done":\([0-9]*\).*/\1/p' "$work/out")"
  if [ "$done" != "$expected" ]; then
    echo "$client $workload did $done of $expected" >&2; cat "$work/out" "$work/err" >&2; exit 1
  fi
  read -r wall user sys rss <"$work/time"
  echo "$client $workload $wall $(awk "BEGIN { print $user + $sys }") $rss $run" >>"$work/results"
}

run_client() {
  local client="$1" workload="$2" base="$3" expected="$4" count="$5"
  case "$client" in
    sdk|baseline) measure "$client" "$workload" "$base" "$expected" dotnet "$dll" loopback "$client" "$workload" "$base" "$count" "$CONCURRENCY" ;;
    ts) measure "$client" "$workload" "$base" "$expected" node "$ts/driver.mjs" "$workload" "$base" "$count" "$CONCURRENCY" ;;
  esac
}

echo "== warm-up (not counted)" >&2
run=0
: >"$work/results"
for client in sdk baseline ts; do
  run_client "$client" status "$url" 2000 2000
  run_client "$client" listall "${url%/}/n$SMALL_TOTAL/" "$SMALL_TOTAL" 0
done
: >"$work/results"

echo "== $RUNS runs: $CALLS status calls at concurrency $CONCURRENCY; a list-all walk over $TOTAL messages" >&2
clients=(sdk baseline ts)
for run in $(seq 1 "$RUNS"); do
  # The order rotates from run to run, so no client always goes first (or after the same one).
  for i in 0 1 2; do
    client="${clients[$(( (i + run) % 3 ))]}"
    run_client "$client" status "$url" "$CALLS" "$CALLS"
    run_client "$client" listall "$url" "$TOTAL" 0
  done
  echo "   run $run of $RUNS done" >&2
done

# The memory bound: what the SDK's walk retains at its last message (live heap after a full
# collection), over SMALL_TOTAL and over TOTAL messages, against the same server. Not timed.
for n in "$SMALL_TOTAL" "$TOTAL"; do
  base="$url"
  [ "$n" = "$TOTAL" ] || base="${url%/}/n$n/"
  dotnet "$dll" loopback sdk listall-memory "$base" "$n" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  echo "$n $(sed -n 's/.*"done":\([0-9]*\).*"retainedBytes":\([0-9]*\).*/\1 \2/p' "$work/out")" >>"$work/retained"
done
page_bytes="$(node -e 'fetch(process.argv[1], { headers: { "sb-api-key-id": "bench-key-id", "sb-api-secret-key": "bench-secret-key" } }).then(r => r.arrayBuffer()).then(b => console.log(b.byteLength))' "${url%/}/api/v2/messages?limit=100&offset=0")"

load="$(cut -d' ' -f1-3 /proc/loadavg)"
node - "$work/results" "$CALLS" "$CONCURRENCY" "$TOTAL" "$SMALL_TOTAL" "$RUNS" "$load" "$work/retained" "$page_bytes" <<'EOF'
const fs = require('fs');
const [file, calls, concurrency, total, smallTotal, runs, load, retainedFile, pageBytes] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(l => l.split(' '));
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stat = (client, workload) => {
  const mine = rows.filter(r => r[0] === client && r[1] === workload);
  return { wall: median(mine.map(r => +r[2])), cpu: median(mine.map(r => +r[3])), rss: median(mine.map(r => +r[4])) / 1024 };
};
const fmt = (x, d = 2) => x.toFixed(d);
const n = x => Number(x).toLocaleString('en-US');
// The ratio within each run (the clients of a run ran within seconds of each other), then its
// median and range over the runs: what drift between runs does not move.
const perRun = (client, other, workload, field) => {
  const byRun = new Map(rows.filter(r => r[1] === workload).map(r => [`${r[0]}/${r[5]}`, r]));
  const ratios = [...new Set(rows.map(r => r[5]))].map(run => [byRun.get(`${client}/${run}`), byRun.get(`${other}/${run}`)])
    .filter(([a, b]) => a && b).map(([a, b]) => +a[field] / +b[field]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
};
const ratio = r => `${fmt(r.median)} (${fmt(r.min)}-${fmt(r.max)})`;
const out = [];
out.push(`| workload | client | wall (s) | CPU user+sys (s) | peak RSS (MiB) | wall / TS | CPU / TS | wall / baseline | CPU / baseline |`);
out.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|`);
for (const [workload, label] of [['status', `${n(calls)} status calls, concurrency ${concurrency}`], ['listall', `list-all walk over ${n(total)} messages`]]) {
  const ts = stat('ts', workload), base = stat('baseline', workload);
  for (const [client, name] of [['sdk', 'Sendblue .NET SDK'], ['baseline', 'baseline (HttpClient + Newtonsoft)'], ['ts', 'TypeScript SDK `sendblue` 3.17.0']]) {
    const s = stat(client, workload);
    out.push(`| ${label} | ${name} | ${fmt(s.wall)} | ${fmt(s.cpu)} | ${fmt(s.rss, 0)} | ${fmt(s.wall / ts.wall)} | ${fmt(s.cpu / ts.cpu)} | ${fmt(s.wall / base.wall)} | ${fmt(s.cpu / base.cpu)} |`);
  }
}
const retained = Object.fromEntries(fs.readFileSync(retainedFile, 'utf8').trim().split('\n').map(l => l.split(' ')).map(([size, done, bytes]) => [size, { done: +done, bytes: +bytes }]));
const rs = retained[smallTotal], rb = retained[total];
const perMessage = (rb.bytes - rs.bytes) / (total - smallTotal);
const fixed = rs.bytes - perMessage * smallTotal;
const statusWall = perRun('sdk', 'ts', 'status', 2), walkCpu = perRun('sdk', 'ts', 'listall', 3);
out.push('');
out.push(`Per-run ratios of the SDK to the TypeScript SDK, median (min-max over ${runs} runs): `
  + `${n(calls)} status calls, wall ${ratio(statusWall)}, target <= 0.25: ${statusWall.median <= 0.25 ? 'met' : 'NOT met'}; `
  + `list-all over ${n(total)}, CPU ${ratio(walkCpu)}, target <= 1.00: ${walkCpu.median <= 1 ? 'met' : 'NOT met'}.`);
out.push('');
out.push(`Memory of the SDK's walk (live heap after a full collection, at the walk's last message): ${fmt(rs.bytes / 1024 / 1024, 1)} MiB over ${n(smallTotal)} messages, `
  + `${fmt(rb.bytes / 1024 / 1024, 1)} MiB over ${n(total)}: ${fmt(perMessage, 0)} bytes per message seen (its handle in the set of seen handles) `
  + `plus ${fmt(fixed / 1024, 0)} KiB (the page in hand, ${n(pageBytes)} bytes of JSON, and the client).`);
out.push('');
out.push(`Medians of ${runs} runs, each client its own process (start-up included); load average at the end: ${load}.`);
console.log(out.join('\n'));
EOF
