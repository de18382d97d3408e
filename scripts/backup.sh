#!/usr/bin/env bash
# kehu: a consistent online backup of the database and the stored files
# (docs/backup.md). The programs keep serving throughout.
#
#   $KEHU_BACKUP_DIR/YYYYmmdd-HHMMSS/   (default $KEHU_VAR/backups)
#     db.sql          tables, rows and triggers: one snapshot
#                     (mariadb-dump --single-transaction); the Mroonga table
#                     customer_search as structure only
#     routines.sql    stored procedures, functions and events
#     files/          $KEHU_VAR/files (attachments), copied after the snapshot
#     files.sha256    sha256sum of every file
#     manifest        row count and CHECKSUM TABLE of every table of the
#                     snapshot (measured on a scratch copy loaded from db.sql,
#                     which also proves the dump loads), the audit chain's
#                     head, the sha256 of the three files above
# Keeps the last KEHU_BACKUP_KEEP (default 7) complete backups.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/backup-lib.sh
. "$KEHU_ROOT/scripts/backup-lib.sh"

[[ "$KEHU_BACKUP_KEEP" =~ ^[1-9][0-9]*$ ]] || kehu_die "KEHU_BACKUP_KEEP must be a whole number >= 1"
bk_sql -e "SELECT 1" >/dev/null || kehu_die "database not reachable (scripts/stack.sh start)"

mkdir -p "$KEHU_BACKUP_DIR"
# Database dumps and the server key: for root's eyes only.
chmod 0700 "$KEHU_BACKUP_DIR"
# One backup at a time: they share the scratch database.
exec 9>"$KEHU_BACKUP_DIR/.lock"
flock -w 600 9 || kehu_die "another backup is still running"

stamp="$(date +%Y%m%d-%H%M%S)"
while [[ -e "$KEHU_BACKUP_DIR/$stamp" ]]; do
    sleep 1
    stamp="$(date +%Y%m%d-%H%M%S)"
done
work="$KEHU_BACKUP_DIR/.$stamp.partial"
scratch="${KEHU_DB_NAME}_backup_check"
cleanup() {
    rm -rf "$work"
    bk_sql -e "DROP DATABASE IF EXISTS \`$scratch\`" 2>/dev/null || true
}
trap cleanup EXIT
mkdir -p "$work/files"

# The chain's head goes outside the database first: whatever the backup
# holds can later be told from a rewritten history.
if [[ -x "$KEHU_BUILD/kehu-audit" ]]; then
    "$KEHU_BUILD/kehu-audit" check || echo "backup: WARNING: the audit chain does not verify (kept going: the backup is evidence too)" >&2
fi

dump=(mariadb-dump --defaults-file="$KEHU_VAR/my.cnf" --user=root
      --default-character-set=utf8mb4 --hex-blob --no-create-db)
echo "backup: dumping $KEHU_DB_NAME"
"${dump[@]}" --single-transaction --quick --no-autocommit --triggers --skip-routines --skip-events \
    --ignore-table-data="$KEHU_DB_NAME.$KEHU_BACKUP_DERIVED" \
    "$KEHU_DB_NAME" >"$work/db.sql"
# --single-transaction here too: without it mariadb-dump takes LOCK TABLES
# on every table even for no rows, and a complaint being filed meanwhile
# died of a metadata-lock deadlock (503).
"${dump[@]}" --single-transaction --no-data --no-create-info --skip-triggers --routines --events \
    "$KEHU_DB_NAME" >"$work/routines.sql"

# Stored files are written once under a temporary name and renamed: every
# file a row of the snapshot names existed before the snapshot began.
if [[ -d "$KEHU_VAR/files" ]]; then
    (cd "$KEHU_VAR/files" && find . -maxdepth 1 -type f -regextype posix-extended \
        -regex '\./[0-9a-f]{64}' -print0 | xargs -0 -r cp -p --reflink=auto -t "$work/files")
fi
bk_file_sums "$work/files" >"$work/files.sha256"
# The server key signs the public form's keys and derives the customers'
# status links (core/secret.c): without it, every link given out is dead.
if [[ -f "$KEHU_VAR/keys/secret" ]]; then
    mkdir -p "$work/keys"
    chmod 0700 "$work/keys"
    cp -p "$KEHU_VAR/keys/secret" "$work/keys/secret"
fi

# Measure the snapshot itself: load db.sql into a scratch database (no
# routines, so no event runs there) and count and checksum every table.
echo "backup: checking the dump on a scratch copy"
bk_sql -e "DROP DATABASE IF EXISTS \`$scratch\`;
           CREATE DATABASE \`$scratch\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
bk_sql "$scratch" <"$work/db.sql"
{
    echo "kehu-backup 1"
    echo "database $KEHU_DB_NAME"
    echo "created $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    for f in db.sql routines.sql files.sha256; do
        printf 'sha256 %s %s\n' "$f" "$(sha256sum <"$work/$f" | cut -d' ' -f1)"
    done
    printf 'files %s\n' "$(wc -l <"$work/files.sha256")"
    bk_chain_head "$scratch"
    bk_table_sums "$scratch"
} >"$work/manifest"
bk_sql -e "DROP DATABASE \`$scratch\`"

mv "$work" "$KEHU_BACKUP_DIR/$stamp"
echo "backup: $KEHU_BACKUP_DIR/$stamp ($(grep -c '^table ' "$KEHU_BACKUP_DIR/$stamp/manifest") tables, $(wc -l <"$KEHU_BACKUP_DIR/$stamp/files.sha256") files)"

# Retention: the newest KEHU_BACKUP_KEEP complete backups stay.
mapfile -t all < <(find "$KEHU_BACKUP_DIR" -mindepth 2 -maxdepth 2 -name manifest -printf '%h\n' |
    grep -E '/[0-9]{8}-[0-9]{6}$' | sort)
for ((i = 0; i < ${#all[@]} - KEHU_BACKUP_KEEP; i++)); do
    echo "backup: removing ${all[i]} (keeping the last $KEHU_BACKUP_KEEP)"
    rm -rf "${all[i]}"
done
