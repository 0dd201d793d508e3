#!/usr/bin/env bash
# Installs what is missing, builds Confab and runs it: the server confabd on port 6667 and the
# desktop client connected to it. Without a display, only the server runs (in the foreground).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh run
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCONFAB_BUILD_TESTS=OFF -DCONFAB_BUILD_BENCH=OFF
cmake --build build-release -j "$(nproc)"

port=${CONFAB_PORT:-6667}
build-release/server/confabd --port "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
sleep 1
if ! kill -0 "$server" 2>/dev/null; then
    echo "run.sh: confabd did not start (is port $port in use? try CONFAB_PORT=6668 $0)" >&2
    exit 1
fi

nick=$(id -un | tr -cd 'A-Za-z0-9_' | cut -c1-16)
[[ "$nick" =~ ^[A-Za-z_] ]] || nick=guest
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    # The plain port on this machine: no certificate question. For TLS, connect to port 6697
    # (the client's default) and compare the fingerprint it shows with the one logged above.
    build-release/client-gui/confab --server "127.0.0.1:$port" --no-tls --nick "$nick" --connect
else
    echo "run.sh: no display, so only confabd runs, on port $port (TLS on 6697: compare the"
    echo "        certificate fingerprint logged above with what your client shows)."
    echo "        Connect any IRC client to it, e.g.: irssi -c 127.0.0.1 -p $port -n $nick"
    echo "        Ctrl+C stops it."
    wait "$server"
fi
