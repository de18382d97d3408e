#!/usr/bin/env bash
# kehu: install the Debian packages the build, the stack and the tests need.
# Silent when everything is present, so `make run` / `make test` stay quiet.
set -euo pipefail

packages=(
    gcc make pkg-config
    clearsilver-dev libfcgi-dev libfcgi-bin libmariadb-dev libsodium-dev
    libcmocka-dev libxlsxwriter-dev libzip-dev libexpat1-dev
    mariadb-server mariadb-client mariadb-plugin-mroonga
    nginx-light spawn-fcgi multiwatch
    chromium chromium-driver fonts-noto-cjk
    python3 python3-selenium
    libjs-chart.js
    wrk curl valgrind
)

# `deps.sh security`: also the scanners of `make security` (make test and
# make run do without them).
if [[ "${1:-}" == security ]]; then
    packages+=(sqlmap wapiti iproute2)
fi

missing=()
for pkg in "${packages[@]}"; do
    # dpkg-query fails for unknown packages and prints e.g.
    # "deinstall ok config-files" for removed ones; only this counts.
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

((${#missing[@]} == 0)) && exit 0

echo "deps: installing missing packages: ${missing[*]}"
sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "deps: need root (or sudo) to install packages" >&2; exit 1; }
    sudo=(sudo)
fi
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
# Installing mariadb-server / nginx may start the system services on a
# machine with systemd; harmless, kehu runs its own private instances.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
