"""The audit log's hash chain (schema/030, docs/audit-chain.md): rows are
sealed within seconds; kehu-audit passes on an untouched log and names the
first broken row after a root UPDATE of one row, a DELETE of a middle row
and a rewrite of the whole chain (the head recorded outside the database);
the application account cannot alter audit content or forge a seal."""
import contextlib
import os
import re
import subprocess
import tempfile
import time

from lib import (BUILD, DB_NAME, HEX64, ROOT, VAR, check, check_in, check_status, csrf_of, sign_in,
                 sql, sql_value)

TOOL = os.path.join(BUILD, "kehu-audit")
HEADS = os.path.join(VAR, "audit", "heads")


def run_check(heads=None, mode="check"):
    env = dict(os.environ, KEHU_DB_PASS=app_password())
    if heads:
        env["KEHU_AUDIT_HEADS"] = heads
    p = subprocess.run([TOOL, mode], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def unsealed():
    return int(sql_value("SELECT COUNT(*) FROM audit_log WHERE chain_seq IS NULL"))


def wait_sealed(limit=20):
    end = time.time() + limit
    while unsealed() and time.time() < end:
        time.sleep(0.3)
    check(unsealed() == 0, "%d audit rows still unsealed after %d s" % (unsealed(), limit))


@contextlib.contextmanager
def sealer_paused():
    """No row is sealed on top of a tampered chain while a test works."""
    wait_sealed()
    sql("ALTER EVENT audit_seal_tick DISABLE")
    try:
        wait_sealed()   # a run that had started
        yield
    finally:
        sql("ALTER EVENT audit_seal_tick ENABLE")


def middle_row():
    """(seq, id) of a sealed row with rows on both sides."""
    top = int(sql_value("SELECT MAX(chain_seq) FROM audit_log"))
    check(top >= 3, "need 3 sealed rows, have %d" % top)
    seq = top // 2 + 1
    return seq, int(sql_value("SELECT id FROM audit_log WHERE chain_seq = %d" % seq))


def check_passes(what):
    rc, out = run_check()
    check(rc == 0, "%s: kehu-audit check failed (%d): %s" % (what, rc, out))
    check_in("audit chain OK", out, what)
    return out


def test_rows_sealed_within_interval():
    wait_sealed()
    top = int(sql_value("SELECT COALESCE(MAX(chain_seq), 0) FROM audit_log"))
    mark = int(sql_value("SELECT MAX(id) FROM audit_log"))
    sign_in("staff08")  # writes a login row
    start = time.time()
    row = None
    while time.time() - start < 10:
        row = sql("SELECT chain_seq, chain_hash FROM audit_log WHERE id > %d"
                  " AND action = 'login' ORDER BY id LIMIT 1" % mark)
        if row and row[0][0] != "NULL":
            break
        time.sleep(0.2)
    took = time.time() - start
    check(row and row[0][0] != "NULL", "the login row was not sealed within 10 s: %s" % row)
    check(took < 6, "sealing took %.1f s; the event runs every 2 s" % took)
    check(int(row[0][0]) == top + 1, "sealed as seq %s, expected %d" % (row[0][0], top + 1))
    check(HEX64.match(row[0][1]), "chain_hash %r is not 64 hex digits" % row[0][1])


def test_rows_with_chinese_text_are_sealed():
    """Issue 15: a detail holding Chinese (a name) once stopped the sealer
    for good ("illegal mix of collations" in audit_row_hash): that row and
    every later one stayed unsealed. Fixed in migration 035."""
    wait_sealed()
    mark = int(sql_value("SELECT MAX(id) FROM audit_log"))
    admin = sign_in("admin")
    page = admin.get("/admin/users/new")
    name = "seal_" + os.urandom(3).hex()
    r = admin.post("/admin/users", {"_csrf": csrf_of(page.text), "username": name,
                                    "display_name": "封存 测试", "role": "staff"})
    check_status(r, 200, "user created")
    sign_in("staff08")  # a later row, behind it in the chain
    start = time.time()
    rows = []
    while time.time() - start < 10:
        rows = sql("SELECT action, chain_seq FROM audit_log WHERE id > %d ORDER BY id" % mark)
        if rows and all(seq != "NULL" for _, seq in rows):
            break
        time.sleep(0.2)
    check(rows and all(seq != "NULL" for _, seq in rows),
          "rows after a Chinese detail left unsealed: %s" % rows)
    check(any(a == "create" for a, _ in rows), "the create row is among them: %s" % rows)


def test_long_transaction_blocks_neither_writers_nor_sealing():
    """An import's transaction keeps its audit rows uncommitted for many
    seconds: others' rows are sealed meanwhile, its own after its commit."""
    wait_sealed()
    long_tx = subprocess.Popen(
        ["mariadb", "--defaults-file=" + os.path.join(VAR, "my.cnf"),
         "--user=" + (os.environ.get("KEHU_DB_USER") or "kehu_app"), "-N", "-B", "-e",
         "START TRANSACTION; INSERT INTO audit_log (action, entity, detail, ip)"
         " VALUES ('import', 'customer', 'long transaction', ''); DO SLEEP(8); COMMIT",
         DB_NAME], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env=dict(os.environ, MYSQL_PWD=app_password()))
    try:
        end = time.time() + 5
        while time.time() < end and sql_value(
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                " WHERE trx_rows_modified > 0 AND trx_query LIKE 'DO SLEEP%'") == "0":
            time.sleep(0.1)
        mark = int(sql_value("SELECT MAX(id) FROM audit_log"))
        start = time.time()
        sign_in("staff06")  # a writer that must not wait
        check(time.time() - start < 5, "signing in took %.1f s beside an open transaction"
              % (time.time() - start))
        while time.time() - start < 6 and sql_value(
                "SELECT COUNT(*) FROM audit_log WHERE id > %d AND chain_seq IS NULL" % mark) != "0":
            time.sleep(0.2)
        check(long_tx.poll() is None, "the long transaction ended too soon to tell")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE id > %d AND chain_seq IS NULL"
                        % mark) == "0", "rows committed beside the open transaction not sealed")
        long_tx.wait(30)
        check(long_tx.returncode == 0, "the long transaction failed: %s" % long_tx.stdout.read())
    finally:
        if long_tx.poll() is None:
            long_tx.kill()
            long_tx.wait()
    wait_sealed(10)
    check(sql_value("SELECT COUNT(*) FROM audit_log WHERE detail = 'long transaction'"
                    " AND chain_seq IS NOT NULL") != "0", "the long transaction's row not sealed")
    check_passes("after the long transaction")


def test_check_passes_and_records_head():
    wait_sealed()
    out = check_passes("untouched log")
    top = sql("SELECT chain_seq, chain_hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1")[0]
    with open(HEADS) as f:
        last = f.read().splitlines()[-1].split()
    check(last[:3] in (["head", top[0], top[1]], ["restore", top[0], top[1]]),
          "heads file ends %s, the chain's head is %s" % (last, top))
    check_in("head " + top[1], out, "check output")


def test_root_update_of_one_row_is_named():
    with sealer_paused():
        seq, rid = middle_row()
        sql("UPDATE audit_log SET ip = CONCAT(ip, '9') WHERE id = %d" % rid)
        try:
            rc, out = run_check()
            check(rc == 1, "check after a root UPDATE exited %d: %s" % (rc, out))
            check_in("first broken row: seq %d (id %d)" % (seq, rid), out, "check output")
        finally:
            sql("UPDATE audit_log SET ip = LEFT(ip, CHAR_LENGTH(ip) - 1) WHERE id = %d" % rid)
        check_passes("after undoing the UPDATE")


def test_root_delete_of_a_middle_row_is_named():
    with sealer_paused():
        seq, rid = middle_row()
        sql("DROP TABLE IF EXISTS test_audit_saved;"
            " CREATE TABLE test_audit_saved AS SELECT * FROM audit_log WHERE id = %d;"
            " DELETE FROM audit_log WHERE id = %d" % (rid, rid))
        try:
            rc, out = run_check()
            check(rc == 1, "check after a DELETE exited %d: %s" % (rc, out))
            check_in("first broken row: seq %d is missing" % seq, out, "check output")
        finally:
            sql("INSERT IGNORE INTO audit_log SELECT * FROM test_audit_saved;"
                " DROP TABLE test_audit_saved")
        check_passes("after putting the row back")


def test_rewrite_of_the_whole_chain_fails_on_the_head():
    with sealer_paused():
        check_passes("before the rewrite")  # records the head outside the database
        top = int(sql_value("SELECT MAX(chain_seq) FROM audit_log"))
        seq, rid = middle_row()
        sql("DROP TABLE IF EXISTS test_audit_hashes;"
            " CREATE TABLE test_audit_hashes AS SELECT id, chain_hash FROM audit_log"
            "  WHERE chain_seq >= %d" % seq)
        try:
            # What a database superuser could do: change a row, then compute
            # every later hash again with the published algorithm.
            sql("UPDATE audit_log SET ip = CONCAT(ip, '9') WHERE id = %d;"
                " SET @h = (SELECT chain_hash FROM audit_log WHERE chain_seq = %d);"
                " UPDATE audit_log SET chain_hash = (@h := audit_row_hash(@h, chain_seq, id,"
                "  at, user_id, action, entity, entity_id, detail, ip))"
                "  WHERE chain_seq >= %d ORDER BY chain_seq" % (rid, seq - 1, seq))
            # Consistent in itself: without the recorded heads it verifies.
            with tempfile.TemporaryDirectory() as d:
                rc, out = run_check(heads=os.path.join(d, "heads"))
            check(rc == 0, "the rewritten chain should be consistent in itself: %s" % out)
            rc, out = run_check()
            check(rc == 1, "check after a rewrite exited %d: %s" % (rc, out))
            # The first recorded head at or after the changed row.
            m = re.search(r"head mismatch: seq (\d+)", out)
            check(m and seq <= int(m.group(1)) <= top,
                  "expected a head mismatch between seq %d and %d: %s" % (seq, top, out))
        finally:
            sql("UPDATE audit_log SET ip = LEFT(ip, CHAR_LENGTH(ip) - 1) WHERE id = %d;"
                " UPDATE audit_log a JOIN test_audit_hashes h USING (id)"
                "  SET a.chain_hash = h.chain_hash;"
                " DROP TABLE test_audit_hashes" % rid)
        check_passes("after undoing the rewrite")


def app_password():
    """make test's environment was set before the stack made the password."""
    pw = os.environ.get("KEHU_DB_PASS")
    if not pw:
        with open(os.path.join(VAR, "db-password")) as f:
            pw = f.read().strip()
    return pw


def app_sql(query):
    """(exit status, output) of a statement run as the application account."""
    env = dict(os.environ, MYSQL_PWD=app_password())
    p = subprocess.run(["mariadb", "--defaults-file=" + os.path.join(VAR, "my.cnf"),
                        "--user=" + (os.environ.get("KEHU_DB_USER") or "kehu_app"),
                        "-N", "-B", "-e", query, DB_NAME],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def test_application_account_cannot_alter_audit():
    # It writes content, as every change does.
    rc, out = app_sql("INSERT INTO audit_log (action, entity, detail, ip)"
                      " VALUES ('test', 'audit', 'grant check', '')")
    check(rc == 0, "the application account could not insert an audit row: %s" % out)
    rid = int(sql_value("SELECT MAX(id) FROM audit_log"))
    for what, query in [
            ("UPDATE content", "UPDATE audit_log SET detail = 'x' WHERE id = %d" % rid),
            ("UPDATE the seal", "UPDATE audit_log SET chain_hash = NULL WHERE id = %d" % rid),
            ("DELETE", "DELETE FROM audit_log WHERE id = %d" % rid),
            ("INSERT a forged seal", "INSERT INTO audit_log (action, entity, chain_seq,"
             " chain_hash) VALUES ('x', 'x', 999999999, REPEAT('0', 64))"),
            ("INSERT a backdated row", "INSERT INTO audit_log (at, action, entity)"
             " VALUES ('2020-01-01', 'x', 'x')"),
            ("CALL the sealer", "CALL audit_seal()")]:
        rc, out = app_sql(query)
        check(rc != 0 and "denied" in out,
              "%s as the application account: expected 'denied', got %d: %s" % (what, rc, out))
    # The sealer may read, set the chain columns and run its two routines.
    # MariaDB lists a grant's columns in no fixed order: compare them sorted.
    def norm(g):
        return re.sub(r"\(([^)]*)\)", lambda m: "(%s)" % ", ".join(sorted(m.group(1).split(", "))),
                      g.replace("`", ""))
    grants = sorted(norm(r[0]) for r in sql("SHOW GRANTS FOR kehu_seal@localhost"))
    want = sorted(norm(g.replace("%s", DB_NAME)) for g in [
        "GRANT USAGE ON *.* TO kehu_seal@localhost",
        "GRANT SELECT, UPDATE (chain_hash, chain_seq) ON %s.audit_log TO kehu_seal@localhost",
        "GRANT EXECUTE ON FUNCTION %s.audit_row_hash TO kehu_seal@localhost",
        "GRANT EXECUTE ON PROCEDURE %s.audit_seal TO kehu_seal@localhost"])
    check(grants == want, "kehu_seal's grants are %s, expected %s" % (grants, want))
