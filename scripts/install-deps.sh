#!/usr/bin/env bash
# Installs the Debian 12 packages Confab needs, and only those that are missing.
#   scripts/install-deps.sh run    what building and running the product needs
#   scripts/install-deps.sh test   that, plus what the test suite needs
set -euo pipefail

run_packages=(
    build-essential cmake ninja-build
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev
    libqt6sql6-sqlite    # Qt's SQLite driver: the account database
    libqt6sql6-psql      # Qt's PostgreSQL driver: accounts and history shared by several nodes
    libsqlite3-dev       # SQLite's own interface, for the history store's inserts
    libgsasl-dev         # GNU SASL: SCRAM-SHA-256, PLAIN and EXTERNAL for logins (both sides)
    libmicrohttpd-dev    # GNU libmicrohttpd: the file host's HTTPS server (streamed uploads)
    qtkeychain-qt6-dev   # QtKeychain: the client's remembered passwords in the system keyring
    libsecret-1-0        # which QtKeychain loads to reach the Secret Service (GNOME Keyring…)
    libssl-dev           # OpenSSL: generating the self-signed TLS certificate
    libsystemd-dev       # sd_notify: the systemd unit's Type=notify readiness
    libhiredis-dev       # hiredis: the cluster's link to Redis
    libxxhash-dev        # xxHash: the server's hash of nicks and commands (header only)
    pkg-config
    fonts-wqy-microhei   # CJK glyphs for the Chinese translations
    fonts-noto-color-emoji  # emoji in messages drawn in colour, not as empty boxes
)
test_packages=(
    python3 python3-irc  # third-party IRC client library for the server interop test
    ngircd               # third-party IRC server for the client interop test
    gsasl                # GNU SASL's command-line client for the SASL interop test
    irssi tmux weechat-headless  # real terminal clients for the TLS + SASL interop test
    lintian appstream systemd    # package check: lintian, appstreamcli, systemd-analyze
    python3-seccomp      # package check: the unit's system call filter, without systemd
    gnome-keyring dbus-daemon  # a private Secret Service in a private D-Bus session (keyring test)
    avahi-daemon avahi-utils   # LAN discovery tests: a private Avahi on a private system bus,
                               # avahi-browse and avahi-publish as the standard tools
    lld                  # links the ~120 test programs five times faster than ld.bfd
    postgresql           # the storage and cluster tests start a private PostgreSQL server
    redis-server         # the cluster tests start a private Redis
)

packages=("${run_packages[@]}")
if [[ "${1:-run}" == test ]]; then
    packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: everything is installed"
    exit 0
fi

sudo=""
if [[ $(id -u) != 0 ]]; then
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
