# shellcheck shell=bash
# kehu: which OS user runs what, and the directories each may write.
# Sourced by db.sh, fcgi.sh and nginx.sh (after env.sh); don't run it.
#
# Started as root, the stack separates its parts (issue 13):
#   mariadbd               KEHU_DB_OS_USER  (mysql)
#   FastCGI programs       KEHU_APP_USER    (kehu, a system user made here)
#   nginx's workers        KEHU_WEB_USER    (kehu-web, likewise)
# and root keeps the rest (scripts, nginx's master, pid files, config).
# Who may reach what:
#   $KEHU_VAR, run/          root 0711: passable, not listable
#   run/<program>.sock       kehu:kehu-web 0660 (the programs, nginx's workers)
#   run/db/ (db socket, pid) mysql:kehu 0750 (the server, the programs, root)
#   mysql/, mysql-files/     mysql 0700 (data; secure_file_priv)
#   files/ tmp/ imports/ keys/  kehu 0700 (attachments, uploads, import jobs, the server key)
#   log/                     root:kehu 1770 (sanitizer reports of the workers)
#   db-password              root:kehu 0640
# Run by another user, everything runs as that user: there is nobody to
# switch to, and the modes above still keep other accounts out.

if ((EUID == 0)); then
    : "${KEHU_DB_OS_USER:=mysql}"
    : "${KEHU_APP_USER:=kehu}"
    : "${KEHU_WEB_USER:=kehu-web}"
else
    KEHU_DB_OS_USER="$(id -un)"
    KEHU_APP_USER=$KEHU_DB_OS_USER
    KEHU_WEB_USER=$KEHU_DB_OS_USER
fi
export KEHU_DB_OS_USER KEHU_APP_USER KEHU_WEB_USER

# A system account with a group of its own name, no home and no shell.
# Two scripts may race to make it: losing that race is fine.
kehu_ensure_user() {
    local user=$1 what=$2
    ((EUID == 0)) || return 0
    id -u "$user" >/dev/null 2>&1 && return 0
    echo "${0##*/}: creating system user '$user' ($what)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin --comment "kehu $what" "$user" 2>/dev/null ||
        id -u "$user" >/dev/null 2>&1 ||
        kehu_die "cannot create the OS user '$user' (useradd failed)"
}

kehu_group_of() {
    id -gn "$1"
}

# mkdir -p DIR, then give it (and, for a tree an older kehu left to root,
# everything in it) to OWNER:GROUP with MODE on the directory itself.
kehu_own_dir() {
    local dir=$1 owner=$2 group=$3 mode=$4
    mkdir -p "$dir"
    if ((EUID == 0)); then
        find "$dir" \( ! -user "$owner" -o ! -group "$group" \) \
            -exec chown -h "$owner:$group" {} + ||
            kehu_die "cannot give $dir to $owner:$group"
    fi
    chmod "$mode" "$dir"
}

# $KEHU_VAR and run/: anyone may pass through to what they are allowed
# (nginx's workers to the program sockets), nobody but root may list them.
kehu_var_base() {
    mkdir -p "$KEHU_VAR/run" "$KEHU_LOG_DIR"
    chmod 0711 "$KEHU_VAR" "$KEHU_VAR/run"
    kehu_ensure_user "$KEHU_APP_USER" "FastCGI programs"
    if ((EUID == 0)); then
        chown "root:$(kehu_group_of "$KEHU_APP_USER")" "$KEHU_LOG_DIR"
        chmod 1770 "$KEHU_LOG_DIR"
    else
        chmod 0700 "$KEHU_LOG_DIR"
    fi
}

# Says once per start that nothing is separated.
kehu_note_single_user() {
    ((EUID == 0)) && return 0
    echo "${0##*/}: note: running as '$(id -un)', not root: the database, the programs and" \
        "nginx's workers all run as '$(id -un)' (start as root to give each its own OS user)" >&2
}
