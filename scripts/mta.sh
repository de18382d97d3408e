#!/usr/bin/env bash
# kehu: the mail server the outbox's sender (tools/kehu-notify.c) hands
# mail to: Debian's exim4 (docs/notifications.md). `make run` runs
#   mta.sh setup    install exim4-daemon-light if missing, configure it and
#                   start it (as root); otherwise say where mail goes
#   mta.sh status   whether something takes mail at KEHU_SMTP_HOST:PORT
#
# Configuration (update-exim4.conf.conf, the Debian way):
#   KEHU_MAIL_RELAY unset   local delivery only: exim listens on 127.0.0.1
#                           and ::1 and delivers to local mailboxes; mail for
#                           other domains is bounced (set a relay for real use)
#   KEHU_MAIL_RELAY=host[::port]   everything goes to that smarthost
#                           (credentials, if it wants them: /etc/exim4/passwd.client)
#   KEHU_MAIL_SETUP=0       leave the machine's mail setup alone
# A configuration file without our marker line was written by someone else
# and is left as it is.
#
# Never fatal: the programs never wait for mail (rows stay in the outbox and
# the admin page shows them), so a machine where exim cannot run (a
# container without an init system, no root) still serves; make test does
# not use this at all (a local SMTP sink, scripts/throwaway.sh).
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CONF=/etc/exim4/update-exim4.conf.conf
MARK="# kehu: written by scripts/mta.sh (docs/notifications.md)"

answers() {
    (exec 3<>"/dev/tcp/$KEHU_SMTP_HOST/$KEHU_SMTP_PORT") 2>/dev/null
}

local_target() {
    [[ "$KEHU_SMTP_PORT" == 25 && "$KEHU_SMTP_HOST" =~ ^(127\.0\.0\.1|localhost|::1)$ ]]
}

wanted_conf() {
    local type=local smarthost=''
    if [[ -n "${KEHU_MAIL_RELAY:-}" ]]; then
        type=smarthost
        smarthost=$KEHU_MAIL_RELAY
    fi
    cat <<EOF
$MARK
dc_eximconfig_configtype='$type'
dc_other_hostnames=''
dc_local_interfaces='127.0.0.1 ; ::1'
dc_readhost=''
dc_relay_domains=''
dc_minimaldns='false'
dc_relay_nets=''
dc_smarthost='$smarthost'
CFILEMODE='644'
dc_use_split_config='false'
dc_hide_mailname=''
dc_mailname_in_oh='true'
dc_localdelivery='mail_spool'
EOF
}

install_exim() {
    dpkg-query -W -f='${Status}' exim4-daemon-light 2>/dev/null | grep -q "install ok installed" &&
        return 0
    echo "mta: installing exim4-daemon-light"
    fresh=1
    # Preseed what the package would ask, so the install asks nothing.
    debconf-set-selections <<EOF
exim4-config exim4/dc_eximconfig_configtype select local delivery only; not on a network
exim4-config exim4/dc_local_interfaces string 127.0.0.1 ; ::1
exim4-config exim4/use_split_config boolean false
EOF
    apt-get -o DPkg::Lock::Timeout=600 update -q
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
        exim4-daemon-light
}

configure() {
    local want
    want="$(wanted_conf)"
    # A file without our marker on a machine that had exim before was an
    # administrator's choice; the one the package just wrote is ours.
    if [[ -f "$CONF" ]] && ! grep -qxF "$MARK" "$CONF" && ((fresh == 0)); then
        echo "mta: $CONF was configured by someone else; leaving it alone"
        return 0
    fi
    if [[ "$(cat "$CONF" 2>/dev/null)" != "$want" ]]; then
        printf '%s\n' "$want" >"$CONF"
        update-exim4.conf
        changed=1
    fi
}

start_exim() {
    if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
        if ((changed)); then systemctl restart exim4; else systemctl start exim4; fi
        return 0
    fi
    # No init system (a container): run the daemon ourselves; it forks,
    # writes /run/exim4/exim.pid and queue-runs every 30 minutes.
    local pid=''
    [[ -r /run/exim4/exim.pid ]] && pid="$(</run/exim4/exim.pid)"
    if kehu_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == exim4 ]]; then
        ((changed)) || return 0
        kill "$pid"
        sleep 0.5
    fi
    mkdir -p /run/exim4
    chown Debian-exim: /run/exim4 2>/dev/null || true
    /usr/sbin/exim4 -bd -q30m
}

setup() {
    if [[ "${KEHU_MAIL_SETUP:-1}" == 0 ]]; then
        echo "mta: KEHU_MAIL_SETUP=0: mail goes to $KEHU_SMTP_HOST:$KEHU_SMTP_PORT as it is"
        return 0
    fi
    if ! local_target; then
        echo "mta: mail goes to $KEHU_SMTP_HOST:$KEHU_SMTP_PORT (no local MTA set up)"
        return 0
    fi
    if ((EUID != 0)); then
        answers && return 0
        echo "mta: nothing takes mail on $KEHU_SMTP_HOST:25 and only root can set up exim4;" \
            "mail waits in the outbox (/admin/outbox)" >&2
        return 0
    fi
    install_exim && configure && start_exim || {
        echo "mta: exim4 could not be set up; mail waits in the outbox (/admin/outbox)" >&2
        return 0
    }
    for _ in {1..20}; do
        answers && { echo "mta: exim4 takes mail on 127.0.0.1:25${KEHU_MAIL_RELAY:+ and relays to $KEHU_MAIL_RELAY}"; return 0; }
        sleep 0.2
    done
    echo "mta: exim4 does not answer on 127.0.0.1:25; mail waits in the outbox" >&2
}

changed=0 fresh=0
case "${1:-}" in
    setup) setup ;;
    status)
        if answers; then
            echo "mta: $KEHU_SMTP_HOST:$KEHU_SMTP_PORT takes mail"
        else
            echo "mta: nothing answers on $KEHU_SMTP_HOST:$KEHU_SMTP_PORT"
            exit 3
        fi
        ;;
    *)
        echo "usage: $0 setup|status" >&2
        exit 2
        ;;
esac
