#!/bin/sh
# Runs a command with a private D-Bus session and a private, unlocked GNOME Keyring (Secret
# Service) in a temporary home, so keyring tests never touch the user's own keyring.
#   with-private-keyring.sh <command> [args...]
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c '
    # The password unlocks (and on first use creates) the login keyring.
    printf "confab-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@"
