"""Backup and restore (scripts/backup.sh, scripts/restore.sh, docs/backup.md):
a backup taken while customers keep filing complaints with attachments
through HTTP, the database and the files wiped, the backup restored; every
table's row count and checksum and every file's sha256 equal the manifest,
every attachment row has its file, the audit chain still verifies, the
programs serve again; only the last KEHU_BACKUP_KEEP backups stay."""
import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
import time

from lib import DB_NAME, ROOT, VAR, check, check_in, check_status, sign_in, sql, sql_value
from test_audit_chain import run_check
from test_complaint_public import PNG, PublicClient, fields, submit

FILES = os.path.join(VAR, "files")


class Writer(threading.Thread):
    """Files complaints with a photo, one after another, until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.done = 0
        self.errors = []
        self.product = fields()  # the form's values, read once

    def run(self):
        while not self.stop.is_set():
            try:
                photo = PNG + os.urandom(16)
                f = dict(self.product, phone="139-0013-%04d" % (self.done % 10000))
                r, _ = submit(PublicClient(), f,
                              files=[("file1", "photo.png", "image/png", photo)])
                if r.status == 303:
                    self.done += 1
                else:
                    self.errors.append("status %d" % r.status)
            except Exception as e:  # noqa: BLE001 - reported by the test
                self.errors.append(repr(e))


def script(name, *args, env=None):
    p = subprocess.run([os.path.join(ROOT, "scripts", name)] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=dict(os.environ, **(env or {})), timeout=600)
    out = p.stdout.decode("utf-8", "replace")
    check(p.returncode == 0, "%s exited %d:\n%s" % (name, p.returncode, out[-3000:]))
    return out


def table_sum(name, checksum, chain_seq):
    """The restored table's figure, measured the way the manifest's was.
    Rows the backup held unsealed were sealed after the restore (the
    sealer runs again): audit_log is compared with those seals taken off
    a copy."""
    if name == "audit_log":
        return sql("CREATE TEMPORARY TABLE a LIKE audit_log; INSERT INTO a SELECT * FROM audit_log;"
                   " UPDATE a SET chain_seq = NULL, chain_hash = NULL WHERE chain_seq > %d;"
                   " CHECKSUM TABLE a" % chain_seq)[0][1]
    if not checksum.startswith("crc:"):
        return sql("CHECKSUM TABLE `%s`" % name)[0][1]
    cols = sql_value("SELECT GROUP_CONCAT(CONCAT('IFNULL(HEX(`', COLUMN_NAME, '`), ''N'')')"
                     " ORDER BY ORDINAL_POSITION) FROM information_schema.COLUMNS"
                     " WHERE TABLE_SCHEMA = '%s' AND TABLE_NAME = '%s'"
                     " AND IS_GENERATED = 'NEVER'" % (DB_NAME, name))
    return "crc:" + sql_value("SELECT COALESCE(SUM(CRC32(CONCAT_WS(',', %s))), 0) FROM `%s`"
                              % (cols, name))


def test_backup_under_writes_and_restore():
    complaints_before = int(sql_value("SELECT COUNT(*) FROM complaints"))
    root = tempfile.mkdtemp(prefix="backups.", dir=VAR)
    # Three older complete backups and an unfinished one: with KEEP=2 the
    # newest old one and the new one stay; the unfinished one is not counted.
    for stamp in ("20000101-000001", "20000101-000002", "20000101-000003"):
        os.makedirs(os.path.join(root, stamp))
        open(os.path.join(root, stamp, "manifest"), "w").close()
    os.makedirs(os.path.join(root, "20000101-000004"))
    writer = Writer()
    writer.start()
    try:
        while writer.done < 2 and not writer.errors:
            time.sleep(0.2)
        at_start = writer.done
        out = script("backup.sh", env={"KEHU_BACKUP_DIR": root, "KEHU_BACKUP_KEEP": "2"})
        during = writer.done - at_start
    finally:
        writer.stop.set()
        writer.join(60)
    check(not writer.errors, "the writer failed: %s" % writer.errors[:3])
    check(during >= 1, "no complaint was filed while the backup ran; output:\n%s" % out)
    kept = sorted(os.listdir(root))
    backups = [d for d in kept if d[:1].isdigit() and d != "20000101-000004"]
    check(len(backups) == 2 and backups[0] == "20000101-000003",
          "retention kept %s" % kept)
    check("20000101-000004" in kept, "an unfinished backup was removed: %s" % kept)
    bdir = os.path.join(root, backups[1])
    with open(os.path.join(bdir, "manifest")) as f:
        manifest = [line.split() for line in f.read().splitlines()]
    tables = {m[1]: (int(m[2]), m[3]) for m in manifest if m[0] == "table"}
    check("complaints" in tables and "audit_log" in tables, "manifest tables: %s" % tables)
    chain_seq = int([m for m in manifest if m[0] == "chain"][0][1])
    backed = tables["complaints"][0]
    check(complaints_before + at_start <= backed <= complaints_before + writer.done,
          "the backup holds %d complaints; %d before, %d filed in all"
          % (backed, complaints_before, writer.done))

    # Lose everything, then restore.
    sql("DROP DATABASE `%s`" % DB_NAME)
    shutil.rmtree(FILES)
    restored = script("restore.sh", bdir)
    check_in("match the manifest", restored, "restore.sh compares every table before the programs start")

    for name, (rows, checksum) in sorted(tables.items()):
        if name == "outbox":
            # The sender runs again once the programs are back: it sends and
            # marks the restored rows and may queue a digest, so only what
            # restore.sh compared before starting it holds here.
            got = int(sql_value("SELECT COUNT(*) FROM outbox"))
            check(got >= rows, "outbox: %d rows restored, manifest %d" % (got, rows))
            continue
        got = int(sql_value("SELECT COUNT(*) FROM `%s`" % name))
        check(got == rows, "%s: %d rows restored, manifest %d" % (name, got, rows))
        got = table_sum(name, checksum, chain_seq)
        check(got == checksum, "%s: checksum %s restored, manifest %s" % (name, got, checksum))
    with open(os.path.join(bdir, "files.sha256")) as f:
        want = {line[66:].strip(): line[:64] for line in f if line.strip()}
    got = {}
    for name in os.listdir(FILES):
        with open(os.path.join(FILES, name), "rb") as f:
            got[name] = hashlib.sha256(f.read()).hexdigest()
    check(got == want, "restored files differ from files.sha256: %d vs %d files"
          % (len(got), len(want)))
    stored = {r[0] for r in sql("SELECT stored_name FROM complaint_attachments UNION ALL"
                                " SELECT stored_name FROM support_attachments")}
    check(stored <= set(got), "attachment rows without their file: %s" % (stored - set(got)))
    check(int(sql_value("SELECT COUNT(*) FROM customer_search")) ==
          int(sql_value("SELECT COUNT(*) FROM customers")), "customer_search was not rebuilt")

    rc, out = run_check()
    check(rc == 0, "the audit chain does not verify after the restore: %s" % out)
    check_in("audit chain OK", out, "kehu-audit check after the restore")
    with open(os.path.join(VAR, "audit", "heads")) as f:
        check(any(line.startswith("restore ") for line in f), "no restore line in the heads file")

    # The programs serve again, on the restored data.
    c = sign_in("staff07")
    check_status(c.get("/customers"), 200, "customer list after the restore")
    shutil.rmtree(root)
