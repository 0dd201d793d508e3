#!/usr/bin/env bash
# Three confabd nodes as one network on this machine, with one command: a private Redis, a
# private PostgreSQL and nodes a, b, c on 127.0.0.1 ports 6667, 6668, 6669 (docs/SCALING.md).
#   scripts/cluster.sh                 build if needed, start everything, stop on Ctrl+C
#   scripts/cluster.sh --background    start everything and return (pids in $CLUSTER_DIR)
#   scripts/cluster.sh stop            stop what --background started
# Environment: CLUSTER_DIR (default /tmp/confab-cluster), CONFABD (the binary to run; default:
# build-release/server/confabd, built here), CLUSTER_NODES (default 3), CLUSTER_BASE_PORT
# (default 6667), REDIS_PORT (default 6380), PG_PORT (default 5433), CONFABD_ARGS (more options
# for every node, e.g. "--max-per-ip 5000 --max-clients 5000" for bench/cluster).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${CLUSTER_DIR:-/tmp/confab-cluster}
nodes=${CLUSTER_NODES:-3}
base_port=${CLUSTER_BASE_PORT:-6667}
redis_port=${REDIS_PORT:-6380}
pg_port=${PG_PORT:-5433}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

stop_all() {
    for pidfile in "$dir"/node-*.pid "$dir"/redis.pid; do
        [[ -f "$pidfile" ]] || continue
        kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    done
    if [[ -f "$dir/pg/data/postmaster.pid" ]]; then
        as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

# PostgreSQL refuses to run as root: then it runs as the user postgres.
as_pg() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [[ "${1:-}" == stop ]]; then
    stop_all
    echo "cluster.sh: stopped"
    exit 0
fi

command -v redis-server >/dev/null && [[ -n "$pg_bin" ]] || {
    echo "cluster.sh: installing redis-server and postgresql"
    sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get install -y -qq redis-server postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

confabd=${CONFABD:-}
if [[ -z "$confabd" ]]; then
    scripts/install-deps.sh run
    cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCONFAB_BUILD_TESTS=OFF -DCONFAB_BUILD_BENCH=OFF >/dev/null
    cmake --build build-release -j "$(nproc)" --target confabd
    confabd=build-release/server/confabd
fi

stop_all
mkdir -p "$dir"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$dir" >"$dir/redis.log" 2>&1 &
echo $! >"$dir/redis.pid"

if [[ ! -d "$dir/pg/data" ]]; then
    mkdir -p "$dir/pg"
    [[ $(id -u) == 0 ]] && chown postgres "$dir/pg"
    as_pg "$pg_bin/initdb" -D "$dir/pg/data" -A trust -U confab >/dev/null
fi
as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w \
    -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U confab -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'confab'" | grep -q 1 ||
    as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U confab confab

for ((i = 0; i < nodes; i++)); do
    name=$(printf "\\x$(printf %x $((97 + i)))")
    port=$((base_port + i))
    "$confabd" --node-name "$name" --port "$port" --listen 127.0.0.1 --no-tls --no-announce \
        --data-dir "$dir/node-$name" \
        --database "postgresql://confab@127.0.0.1:$pg_port/confab" \
        --cluster "redis://127.0.0.1:$redis_port" ${CONFABD_ARGS:-} >"$dir/node-$name.log" 2>&1 &
    echo $! >"$dir/node-$name.pid"
done

for ((i = 0; i < nodes; i++)); do
    name=$(printf "\\x$(printf %x $((97 + i)))")
    for _ in $(seq 50); do
        grep -q "is in the cluster" "$dir/node-$name.log" 2>/dev/null && break
        sleep 0.2
    done
    grep -q "is in the cluster" "$dir/node-$name.log" || {
        echo "cluster.sh: node $name did not join; see $dir/node-$name.log" >&2
        stop_all
        exit 1
    }
done

echo "cluster.sh: $nodes nodes up on 127.0.0.1 ports $base_port..$((base_port + nodes - 1))"
echo "            (Redis on $redis_port, PostgreSQL on $pg_port, logs in $dir)."
echo "            Try: irssi -c 127.0.0.1 -p $base_port   and   irssi -c 127.0.0.1 -p $((base_port + 1))"
if [[ "${1:-}" == --background ]]; then
    exit 0
fi
trap 'stop_all; echo; echo "cluster.sh: stopped"' EXIT
echo "            Ctrl+C stops everything."
wait
