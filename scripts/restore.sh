#!/usr/bin/env bash
# kehu: restore a backup made by scripts/backup.sh (docs/backup.md).
#   restore.sh [DIR]     DIR defaults to the newest backup in $KEHU_BACKUP_DIR
# Stops the FastCGI programs (nginx answers 502 meanwhile), replaces the
# database and $KEHU_VAR/files with the backup's, rebuilds the search
# table, compares every table's row count and checksum and every file's
# sha256 with the manifest, verifies the audit chain and its head, applies
# newer migrations and the grants, and starts the programs again. Any
# mismatch stops it before the programs start.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/backup-lib.sh
. "$KEHU_ROOT/scripts/backup-lib.sh"

dir="${1:-}"
if [[ -z "$dir" ]]; then
    dir="$(find "$KEHU_BACKUP_DIR" -mindepth 2 -maxdepth 2 -name manifest -printf '%h\n' 2>/dev/null |
        grep -E '/[0-9]{8}-[0-9]{6}$' | sort | tail -n 1)"
    [[ -n "$dir" ]] || kehu_die "no backup in $KEHU_BACKUP_DIR"
fi
dir="$(cd "$dir" && pwd -P)" || kehu_die "no directory $1"
manifest="$dir/manifest"
[[ -r "$manifest" && "$(head -n 1 "$manifest")" == "kehu-backup 1" ]] || kehu_die "$dir holds no kehu backup manifest"
for f in db.sql routines.sql files.sha256; do
    want="$(awk -v f="$f" '$1 == "sha256" && $2 == f { print $3 }' "$manifest")"
    got="$(sha256sum <"$dir/$f" | cut -d' ' -f1)"
    [[ "$want" == "$got" ]] || kehu_die "$dir/$f does not match its manifest sha256: damaged backup"
done
diff "$dir/files.sha256" <(bk_file_sums "$dir/files") >&2 ||
    kehu_die "the files in $dir/files differ from files.sha256: damaged backup"

echo "restore: from $dir"
"$KEHU_ROOT/scripts/db.sh" start
"$KEHU_ROOT/scripts/fcgi.sh" stop

db=$KEHU_DB_NAME
bk_sql -e "DROP DATABASE IF EXISTS \`$db\`;
           CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
bk_sql "$db" <"$dir/db.sql"
# The search table's rows, as scripts/reindex.sql makes them.
bk_sql "$db" -e "INSERT INTO $KEHU_BACKUP_DERIVED (customer_id, name) SELECT id, name FROM customers"

# The files: copied beside the live directory, then swapped in.
files="$KEHU_VAR/files"
rm -rf "$files.restoring" "$files.replaced"
mkdir -p "$files.restoring"
find "$dir/files" -maxdepth 1 -type f -print0 | xargs -0 -r cp -p --reflink=auto -t "$files.restoring"
[[ ! -e "$files" ]] || mv "$files" "$files.replaced"
mv "$files.restoring" "$files"
rm -rf "$files.replaced"
# The server key (see backup.sh), owned as before by the programs' user.
if [[ -f "$dir/keys/secret" ]]; then
    mkdir -p "$KEHU_VAR/keys"
    cp -p "$dir/keys/secret" "$KEHU_VAR/keys/secret.restoring"
    mv -f "$KEHU_VAR/keys/secret.restoring" "$KEHU_VAR/keys/secret"
fi

# Everything as the manifest says.
diff <(grep '^table ' "$manifest") <(bk_table_sums "$db") >&2 ||
    kehu_die "the restored tables differ from the manifest (lines above: < manifest, > restored)"
diff <(grep '^chain ' "$manifest") <(bk_chain_head "$db") >&2 ||
    kehu_die "the restored audit chain's head differs from the manifest"
diff "$dir/files.sha256" <(bk_file_sums "$files") >&2 ||
    kehu_die "the restored files differ from files.sha256"
echo "restore: $(grep -c '^table ' "$manifest") tables and $(grep -c . "$dir/files.sha256") files match the manifest"
# Routines and events after the comparison: the sealer would otherwise
# seal the backup's unsealed rows and change audit_log under it.
bk_sql "$db" <"$dir/routines.sql"

# Migrations newer than the backup, then the application's and the
# sealer's grants (the accounts live outside the restored database).
"$KEHU_ROOT/scripts/migrate.sh"
# The chain verifies; heads recorded after the backup are history the
# restore replaced, and the heads file says so.
"$KEHU_BUILD/kehu-audit" restored
"$KEHU_ROOT/scripts/fcgi.sh" start
echo "restore: done"
