#!/usr/bin/env bash
# kehu: body of `make security` (long-running, not part of make test).
# sqlmap on every form and parameter, signed in as each role and signed
# out, then wapiti on the site (tests/security/scan.py), against a throwaway
# stack (scripts/throwaway.sh). The counts go below the marker line of
# docs/security-scan.md, with the command and the date; the tools' own
# output is kept in build-asan/security/.
#
# Nothing leaves this machine: as root the whole run (stack and scanners)
# happens in a network namespace of its own that has only a loopback
# device; without one, the tools' options alone keep them on the test host
# (no update checks, wapiti without its modules that call out, no bug
# reports). SECURITY_BUDGET, SECURITY_TARGET_SECONDS, SECURITY_WAPITI_SECONDS
# bound the run (see tests/security/scan.py).
set -uo pipefail

KEHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export KEHU_ROOT
cd "$KEHU_ROOT" || exit 1

if [[ "${KEHU_SECURITY_NETNS:-0}" != 1 ]] && unshare --net true 2>/dev/null; then
    exec env KEHU_SECURITY_NETNS=1 unshare --net "$0" "$@"
fi
isolation="network namespace with loopback only"
if [[ "${KEHU_SECURITY_NETNS:-0}" == 1 ]]; then
    ip link set lo up || exit 1
else
    isolation="none (no network namespace available); the tools' options keep them on the test host"
    echo "security: $isolation"
fi

# shellcheck source=scripts/throwaway.sh
. "$KEHU_ROOT/scripts/throwaway.sh"
trap throwaway_remove EXIT
trap 'exit 130' INT TERM
throwaway_setup kehu-security || exit 1
# The scanners sign in and fail to sign in many times from one address.
export KEHU_PUBLIC_SUBMIT_LIMIT=1000000
out="$KEHU_ROOT/build-asan/security"
rm -rf "$out"
mkdir -p "$out"
export SECURITY_OUT=$out

started="$(date -u '+%Y-%m-%d %H:%M UTC')"
echo "security: stack in $KEHU_VAR, http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT/"
if ! "$KEHU_ROOT/scripts/stack.sh" start >"$out/stack-start.out" 2>&1; then
    cat "$out/stack-start.out"
    echo "security: the stack did not start"
    exit 1
fi
/usr/bin/python3 "$KEHU_ROOT/tests/security/scan.py"
rc=$?
"$KEHU_ROOT/scripts/stack.sh" stop >/dev/null 2>&1

# What the scans provoked on the server side: 500s and sanitizer reports.
n500="$(grep -c '" 500 ' "$KEHU_LOG_DIR/nginx-access.log" || true)"
mapfile -t reports < <(throwaway_reports)
cp "$KEHU_LOG_DIR"/*.log "$out/" 2>/dev/null
doc="$KEHU_ROOT/docs/security-scan.md"
marker="<!-- scripts/security.sh writes below this line -->"
{
    awk -v m="$marker" '{ print } $0 == m { exit }' "$doc"
    echo
    echo "Command: \`make security\` (scripts/security.sh, tests/security/scan.py), started $started,"
    echo "SECURITY_BUDGET=${SECURITY_BUDGET:-3600} SECURITY_TARGET_SECONDS=${SECURITY_TARGET_SECONDS:-180}" \
        "SECURITY_WAPITI_SECONDS=${SECURITY_WAPITI_SECONDS:-600}; sqlmap $(sqlmap --version 2>/dev/null | head -n 1)," \
        "wapiti $(dpkg-query -W -f='${Version}' wapiti 2>/dev/null); isolation: $isolation."
    echo
    cat "$out/summary.md" 2>/dev/null || echo "(tests/security/scan.py wrote no summary, status $rc)"
    echo
    echo "Server side during the scans: $n500 answers with status 500 in nginx's access log;" \
        "${#reports[@]} sanitizer report(s)."
} >"$doc.new"
mv -f "$doc.new" "$doc"
echo "security: results in $doc and $out"
exit "$rc"
