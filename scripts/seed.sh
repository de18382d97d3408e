#!/usr/bin/env bash
# kehu: load the demo data, once. Nothing happens when users already exist,
# so restarting the stack never duplicates or overwrites data.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

sql() { "$KEHU_ROOT/scripts/db.sh" sql "$@"; }

# The demo users' password hashes: root's alone (an older kehu made it 0755).
[[ ! -d "$KEHU_VAR/seed" ]] || chmod 0700 "$KEHU_VAR/seed"

users="$(sql -N -B -e "SELECT COUNT(*) FROM users" "$KEHU_DB_NAME")" ||
    kehu_die "cannot count users in '$KEHU_DB_NAME' (did scripts/migrate.sh run?)"
if [[ "$users" == 0 ]]; then
    gen="$KEHU_BUILD/kehu-gen"
    [[ -x "$gen" ]] || kehu_die "$gen not found: the demo data generator is not built (run make first)"

    out="$KEHU_VAR/seed"
    rm -rf "$out"
    mkdir -p "$out"
    chmod 0700 "$out"
    echo "seed: generating demo data ($KEHU_DEMO_CUSTOMERS customers) into $out"
    "$gen" --out "$out" --customers "$KEHU_DEMO_CUSTOMERS" \
        --demo-password "$KEHU_DEMO_PASSWORD" ||
        kehu_die "kehu-gen failed"
    [[ -r "$out/load.sql" ]] || kehu_die "kehu-gen wrote no $out/load.sql"

    echo "seed: loading $out/load.sql"
    # LOAD DATA LOCAL resolves relative file names against the client's
    # working directory, so run the client inside the seed directory.
    (cd "$out" && sql --local-infile=1 "$KEHU_DB_NAME" <load.sql) ||
        kehu_die "loading $out/load.sql failed; the database may be partly seeded (remove $KEHU_VAR to start over)"
    echo "seed: building the search index"
    sql "$KEHU_DB_NAME" <"$KEHU_ROOT/scripts/reindex.sql" || kehu_die "scripts/reindex.sql failed"
    # The customer analysis of the loaded history (classes, lists, report
    # cells: docs/analysis.md "The batch"), so the first pages have results.
    # Not fatal: the runner or `make analyse` can do it later.
    echo "seed: analysing the customers"
    if [[ -x "$KEHU_BUILD/kehu-analyse" ]]; then
        "$KEHU_BUILD/kehu-analyse" --once --reason import ||
            echo "seed: warning: kehu-analyse failed (see its log); run make analyse" >&2
    else
        echo "seed: warning: $KEHU_BUILD/kehu-analyse not built; run make analyse later" >&2
    fi
fi

# Every start: the business-hour clocks of complaints written without them
# (rows from before schema/042, the demo data's LOAD DATA); a no-op once
# done (docs/sla-clock.md).
[[ -x "$KEHU_BUILD/kehu-sla" ]] || kehu_die "$KEHU_BUILD/kehu-sla not found (run make first)"
"$KEHU_BUILD/kehu-sla" backfill || kehu_die "kehu-sla backfill failed"
