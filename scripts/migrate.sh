#!/usr/bin/env bash
# kehu: bring the database schema up to date and (re)apply the application
# account's grants. Safe to run any number of times.
#
# Every schema/NNN_name.sql is applied once, in numeric order, and recorded
# in schema_version after it succeeded. MariaDB DDL is not transactional, so
# a migration that fails half-way may leave partial changes: fix the file
# (or the database) and run again; it is retried because it was not recorded.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

sql() { "$KEHU_ROOT/scripts/db.sh" sql "$@"; }

# Names end up inside SQL identifiers and strings; keep them boring.
[[ "$KEHU_DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || kehu_die "bad KEHU_DB_NAME '$KEHU_DB_NAME'"
[[ "$KEHU_DB_USER" =~ ^[A-Za-z0-9_]+$ ]] || kehu_die "bad KEHU_DB_USER '$KEHU_DB_USER'"
[[ -n "$KEHU_DB_PASS" ]] || kehu_die "no application password: KEHU_DB_PASS is empty and $KEHU_VAR/db-password is missing (run scripts/db.sh start)"
sql -e "SELECT 1" >/dev/null || kehu_die "database not reachable on $KEHU_DB_SOCKET (run scripts/db.sh start)"

sql <<SQL
CREATE DATABASE IF NOT EXISTS \`$KEHU_DB_NAME\`
  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS \`$KEHU_DB_NAME\`.schema_version (
  version    INT          NOT NULL PRIMARY KEY,
  name       VARCHAR(255) NOT NULL,
  applied_at DATETIME     NOT NULL
) ENGINE=InnoDB;
SQL

shopt -s nullglob
files=("$KEHU_ROOT"/schema/[0-9][0-9][0-9]_*.sql)
applied=0
declare -A seen=()
for file in "${files[@]}"; do
    name="${file##*/}"
    version=$((10#${name:0:3}))
    # Two files with one number would make "applied once" ambiguous.
    if [[ -n "${seen[$version]:-}" ]]; then
        kehu_die "schema/$name and schema/${seen[$version]} share number $version; renumber one"
    fi
    seen[$version]=$name

    done_already="$(sql -N -B -e "SELECT COUNT(*) FROM schema_version WHERE version = $version" "$KEHU_DB_NAME")"
    if [[ "$done_already" == 0 ]]; then
        echo "migrate: applying schema/$name"
        if ! sql "$KEHU_DB_NAME" <"$file"; then
            echo "migrate: FAILED in schema/$name; it was not recorded as applied." >&2
            echo "migrate: later migrations were not run. Fix it and run scripts/migrate.sh again" >&2
            echo "migrate: (DDL is not transactional: check for a partially applied change)." >&2
            exit 1
        fi
        sql "$KEHU_DB_NAME" -e "INSERT INTO schema_version (version, name, applied_at)
                                VALUES ($version, '${name//\'/\'\'}', NOW())"
        applied=$((applied + 1))
    fi
done
((applied == 0)) || echo "migrate: $applied migration(s) applied"

# Account and grants last, so tables created above are covered. The
# password goes through stdin, not argv (visible in ps).
{
    printf "SET @kehu_db = '%s', @kehu_user = '%s', @kehu_pass = '%s';\n" \
        "$KEHU_DB_NAME" "$KEHU_DB_USER" "${KEHU_DB_PASS//\'/\'\'}"
    cat "$KEHU_ROOT/scripts/db-grants.sql"
} | sql || kehu_die "applying scripts/db-grants.sql failed"
