# shellcheck shell=bash
# kehu: what scripts/backup.sh and scripts/restore.sh share (docs/backup.md).
# Source it after env.sh.

# Backups live here, one directory per backup named YYYYmmdd-HHMMSS.
: "${KEHU_BACKUP_DIR:=$KEHU_VAR/backups}"
: "${KEHU_BACKUP_KEEP:=7}"
export KEHU_BACKUP_DIR KEHU_BACKUP_KEEP

# The Mroonga search table: not transactional, so not in the dump's
# snapshot; a restore rebuilds its rows from customers.
KEHU_BACKUP_DERIVED=customer_search

bk_sql() { "$KEHU_ROOT/scripts/db.sh" sql "$@"; }

# "table <name> <rows> <checksum>" for every base table of database $1 but
# the derived one, sorted by name: the lines a manifest holds and a restore
# compares. The checksum is CHECKSUM TABLE's, except for tables with a
# generated column: MariaDB 10.11 gave customer_contacts (a STORED column,
# NULL in some rows) a different CHECKSUM TABLE on each load of the same
# dump, and even between two runs. Those get "crc:" and the sum of CRC32
# over their stored columns' values (hex, NULL as N), as order-free as
# CHECKSUM TABLE; the generated columns follow from them.
bk_table_sums() {
    local db=$1 plain=() gen=() t cols
    local in_db="TABLE_SCHEMA = '$db' AND TABLE_NAME <> '$KEHU_BACKUP_DERIVED'"
    mapfile -t gen < <(bk_sql -N -B -e "SELECT DISTINCT TABLE_NAME FROM information_schema.COLUMNS
                      WHERE $in_db AND IS_GENERATED = 'ALWAYS' ORDER BY TABLE_NAME")
    mapfile -t plain < <(bk_sql -N -B -e "SELECT TABLE_NAME FROM information_schema.TABLES t
                      WHERE $in_db AND TABLE_TYPE = 'BASE TABLE' AND NOT EXISTS
                        (SELECT 1 FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA
                            AND c.TABLE_NAME = t.TABLE_NAME AND c.IS_GENERATED = 'ALWAYS')
                      ORDER BY TABLE_NAME")
    {
        if ((${#plain[@]})); then
            local counts sums
            counts="$(for t in "${plain[@]}"; do printf "SELECT '%s', COUNT(*) FROM \`%s\` UNION ALL " "$t" "$t"; done)"
            sums="$(printf '`%s`, ' "${plain[@]}")"
            LC_ALL=C join -t $'\t' \
                <(bk_sql -N -B -e "${counts% UNION ALL }" "$db" | LC_ALL=C sort -t $'\t' -k1,1) \
                <(bk_sql -N -B -e "CHECKSUM TABLE ${sums%, }" "$db" | sed "s/^$db\.//" |
                      LC_ALL=C sort -t $'\t' -k1,1)
        fi
        for t in "${gen[@]}"; do
            cols="$(bk_sql -N -B -e "SELECT GROUP_CONCAT(CONCAT('IFNULL(HEX(\`', COLUMN_NAME, '\`), ''N'')')
                        ORDER BY ORDINAL_POSITION) FROM information_schema.COLUMNS
                      WHERE TABLE_SCHEMA = '$db' AND TABLE_NAME = '$t' AND IS_GENERATED = 'NEVER'")"
            bk_sql -N -B -e "SELECT '$t', COUNT(*), CONCAT('crc:', COALESCE(SUM(CRC32(CONCAT_WS(',', $cols))), 0))
                             FROM \`$t\`" "$db"
        done
    } | LC_ALL=C sort | awk -F '\t' '{ printf "table %s %s %s\n", $1, $2, $3 }'
}

# "chain <seq> <hash>" of database $1's audit log, the last sealed row.
bk_chain_head() {
    local db=$1 head
    head="$(bk_sql -N -B -e "SELECT chain_seq, chain_hash FROM audit_log
                              ORDER BY chain_seq DESC LIMIT 1" "$db")"
    printf 'chain %s\n' "${head:-0 -}" | tr '\t' ' '
}

# sha256sum lines of the stored files (64 hex names) of directory $1,
# relative to it, sorted by name.
bk_file_sums() {
    local dir=$1
    [[ -d "$dir" ]] || return 0
    (cd "$dir" && find . -maxdepth 1 -type f -regextype posix-extended \
        -regex '\./[0-9a-f]{64}' -printf '%f\0' | sort -z | xargs -0 -r sha256sum --)
}
