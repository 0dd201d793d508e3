#!/usr/bin/env bash
# Builds the Debian packages from a finished build and checks them as an admin would meet them:
# lintian, AppStream metadata, the unit's systemd-analyze security score, the man pages and
# example config against confabd --help; then installs them with apt-get, starts the installed
# daemon from its unit's command line, then as the service under systemd (a private one when
# systemd is not PID 1, as in CI), connects to it, and purges the packages again. Needs root or sudo. Run by scripts/test.sh after the tests.
#   scripts/package-check.sh [build-dir]      (default: build-test)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build-test}
max_exposure=2.0
started=$SECONDS
sudo=""
if [[ $(id -u) != 0 ]]; then
    sudo="sudo"
fi

fail() {
    echo "package-check: $*" >&2
    exit 1
}

for package in confabd confab; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
        fail "$package is installed on this machine already; purge it first (this check installs and purges its own)"
    fi
done

echo "== packages (cpack) =="
# The packages install under /usr. Only the install prefix changes, no compile command, so
# this reconfigures without compiling again.
cmake -S . -B "$build" -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/confabd_*.deb "$build"/confab_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
debs=("$build"/confabd_*.deb "$build"/confab_*.deb)
for deb in "${debs[@]}"; do
    [[ -f $deb ]] || fail "cpack made no $deb"
    echo "-- $deb"
    dpkg-deb --field "$deb" Package Version Depends Recommends
done

work=$(mktemp -d)
chmod 755 "$work" # the service check's daemon runs as nobody below it
installed=()
cleanup() {
    if ((${#installed[@]})); then
        echo "== purge =="
        DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq "${installed[@]}" >/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== lintian =="
# Errors fail; warnings are shown. Running as root (CI) is fine for a check of built packages.
lintian_status=0
lintian_output=$(lintian --fail-on error --tag-display-limit 0 "${debs[@]}" 2>&1) ||
    lintian_status=$?
grep -v 'running with root privileges' <<<"$lintian_output" || true
((lintian_status == 0)) || fail "lintian found errors"

echo "== contents =="
for deb in "${debs[@]}"; do
    dpkg-deb -x "$deb" "$work/root"
done
appstreamcli validate --no-net "$work"/root/usr/share/metainfo/*.metainfo.xml ||
    fail "appstreamcli validate: the metainfo file is not clean"
unit=$(find "$work/root" -name confabd.service -path '*/systemd/system/*')
[[ -n $unit ]] || fail "no confabd.service in the confabd package"
security=$(SYSTEMD_COLORS=0 systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) ||
    true
exposure=$(sed -n 's/.*Overall exposure level for confabd.service: \([0-9.]*\).*/\1/p' \
    <<<"$security")
[[ -n $exposure ]] || fail "no exposure score from systemd-analyze security: $security"
echo "systemd-analyze security: exposure $exposure (at most $max_exposure)"
awk -v score="$exposure" -v max="$max_exposure" 'BEGIN { exit !(score <= max) }' || {
    grep '✗' <<<"$security" || true
    fail "confabd.service is exposed $exposure, more than $max_exposure"
}

# Every option of confabd --help is in the man page and in the example config (which lists
# every option but --config and --qt-event-loop), and every option of confab --help is in
# confab(1).
confabd_help=$("$work"/root/usr/bin/confabd --help)
confabd_man=$(zcat "$work"/root/usr/share/man/man8/confabd.8.gz | sed 's/\\-/-/g')
confab_man=$(zcat "$work"/root/usr/share/man/man1/confab.1.gz | sed 's/\\-/-/g')
config=$(cat "$work"/root/etc/confabd/confabd.conf)
confab_help=$(QT_QPA_PLATFORM=offscreen "$work"/root/usr/bin/confab --help)
while read -r option; do
    grep -q -- "$option\b" <<<"$confabd_man" || fail "confabd(8) lacks $option"
    case $option in
    --help | --help-all | --version | --config | --qt-event-loop) ;;
    *) grep -q "^;${option#--} =" <<<"$config" || fail "confabd.conf lacks ${option#--}" ;;
    esac
done < <(grep -o -- '--[a-z-]*' <<<"$confabd_help" | sort -u)
while read -r option; do
    grep -q -- "$option\b" <<<"$confab_man" || fail "confab(1) lacks $option"
done < <(grep -o -- '--[a-z-]*' <<<"$confab_help" | sort -u)
echo "man pages and example config name every option of --help"

echo "== install =="
installed=(confabd confab) # purged on exit, also after a half-done install
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "$(realpath "${debs[0]}")" "$(realpath "${debs[1]}")" >/dev/null
version=$(confabd --version)
[[ $version == "confabd $(dpkg-query -W -f='${Version}' confabd)" ]] ||
    fail "confabd --version says '$version'"
echo "$version"
installed_unit=$(dpkg -L confabd | grep '/systemd/system/confabd.service$')
SYSTEMD_COLORS=0 systemd-analyze verify --man=no "$installed_unit" ||
    fail "systemd-analyze verify: $installed_unit"
echo "== the installed service, started from its unit's command line =="
$sudo python3 scripts/package-service-check.py "$installed_unit" "$work/service" ||
    fail "the installed service does not work"
echo "== the installed service under systemd =="
$sudo python3 scripts/package-systemd-check.py || fail "confabd.service does not work under systemd"

echo "== purge =="
DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq "${installed[@]}" >/dev/null
installed=()
[[ ! -e /etc/confabd && ! -e /usr/bin/confabd ]] || fail "purge left files behind"
echo "package-check: packages built, linted, installed, served and purged in $((SECONDS - started)) s"
