"""Who may reach what on the machine (issue 13, findings 2 and 3): the
database server and the FastCGI workers run as unprivileged OS users,
another local account (here `nobody`) can reach neither the database socket
nor a FastCGI socket, MariaDB's root signs in through the socket as OS root
only, and the server cannot write files outside a directory of its own.

These tests look at the stack's processes and files, so they need to run
as root (as `make test` does); run as another user they fail with a note."""
import os
import stat
import subprocess

from lib import BUILD, ROOT, VAR, check, sql, sql_value

DB_SOCKET = os.environ.get("KEHU_DB_SOCKET") or os.path.join(VAR, "run", "db", "mysqld.sock")
DB_USER = os.environ.get("KEHU_DB_USER") or "kehu_app"
APP_OS_USER = os.environ.get("KEHU_APP_USER") or "kehu"


def _need_root():
    check(os.geteuid() == 0, "these checks need root (they read other users' processes)")


def _stack_processes():
    """(pid, uid, argv) of every process of this stack's environment or
    command line: mariadbd started with $VAR/my.cnf, and the FastCGI
    supervisors and workers running a program of $BUILD with this KEHU_VAR."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv = [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
            with open("/proc/%s/environ" % pid, "rb") as f:
                env = f.read().split(b"\0")
            uid = os.stat("/proc/%s" % pid).st_uid
        except OSError:
            continue
        if not argv:
            continue
        mine = ("KEHU_VAR=%s" % VAR).encode() in env
        if "--defaults-file=%s/my.cnf" % VAR in argv or (mine and any(
                a.startswith(BUILD + "/") and a.endswith(".fcgi") for a in argv)):
            found.append((int(pid), uid, argv))
    return found


def _as_user(user, argv, stdin=None):
    """Runs argv as an OS user (its own groups only); (status, output)."""
    p = subprocess.run(["setpriv", "--reuid=" + user, "--regid=" + _group_of(user),
                        "--init-groups"] + argv, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def _group_of(user):
    return subprocess.run(["id", "-gn", user], stdout=subprocess.PIPE,
                          check=True).stdout.decode().strip()


def _user_exists(user):
    return subprocess.run(["id", user], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def _fcgi_sockets():
    run = os.path.join(VAR, "run")
    return sorted(os.path.join(run, n) for n in os.listdir(run) if n.endswith(".sock"))


def test_servers_run_as_unprivileged_users():
    _need_root()
    procs = _stack_processes()
    db = [p for p in procs if any(a.endswith("mariadbd") for a in p[2][:1])]
    fcgi = [p for p in procs if p not in db]
    check(len(db) == 1, "one mariadbd of this stack, found %r" % [p[2][:2] for p in db])
    check(len(fcgi) >= 7, "FastCGI processes of this stack: %d" % len(fcgi))
    for pid, uid, argv in procs:
        check(uid != 0, "%s (pid %d) runs as root" % (os.path.basename(argv[0]), pid))
    # The programs' user is not the database server's.
    check(not {u for _, u, _ in fcgi} & {u for _, u, _ in db},
          "the FastCGI workers and mariadbd share an OS user")


def test_no_world_writable_socket_and_private_data():
    _need_root()
    sockets = []
    for dirpath, _, names in os.walk(VAR):
        for n in names:
            path = os.path.join(dirpath, n)
            st = os.lstat(path)
            if stat.S_ISSOCK(st.st_mode):
                sockets.append(path)
                check(not st.st_mode & stat.S_IWOTH,
                      "%s is world-writable (%o)" % (path, st.st_mode & 0o777))
    check(len(sockets) >= 8, "sockets under %s: %r" % (VAR, sockets))
    for path in (os.path.join(VAR, "mysql"), os.path.join(VAR, "files"),
                 os.path.join(VAR, "db-password")):
        mode = os.stat(path).st_mode & 0o777
        check(not mode & 0o007, "%s is open to every user (%o)" % (path, mode))
    mode = os.stat(VAR).st_mode & 0o777
    check(not mode & stat.S_IROTH, "%s can be listed by every user (%o)" % (VAR, mode))


PROBE = r"""
import socket, sys
for path in sys.argv[1:]:
    s = socket.socket(socket.AF_UNIX)
    try:
        s.connect(path)
        print("CONNECTED", path)
    except OSError as e:
        print("refused", path, e)
    finally:
        s.close()
"""


def test_nobody_reaches_no_socket():
    _need_root()
    targets = [DB_SOCKET] + _fcgi_sockets()
    check(len(targets) >= 8, "sockets to try: %r" % targets)
    rc, out = _as_user("nobody", ["/usr/bin/python3", "-c", PROBE] + targets)
    check(rc == 0, "probe failed: %s" % out)
    check("CONNECTED" not in out, "nobody can connect:\n%s" % out)
    check(out.count("refused") == len(targets), "probe output: %s" % out)


def test_root_signs_in_only_through_the_socket_as_os_root():
    _need_root()
    check(sql_value("SELECT @@skip_networking") == "1", "the server listens on TCP")
    rows = sql("SELECT user, host FROM mysql.global_priv WHERE user IN ('root', '')")
    check(rows == [["root", "localhost"]], "root and anonymous accounts: %r" % rows)
    how = sql_value("SHOW CREATE USER 'root'@'localhost'")
    check(how == "CREATE USER `root`@`localhost` IDENTIFIED VIA unix_socket",
          "root signs in otherwise: %s" % how)
    for user, host, plugin, auth in sql(
            "SELECT user, host, JSON_VALUE(priv, '$.plugin'),"
            " JSON_VALUE(priv, '$.authentication_string') FROM mysql.global_priv"
            " WHERE COALESCE(JSON_VALUE(priv, '$.account_locked'), '0') NOT IN ('1', 'true')"):
        check(plugin == "unix_socket" or auth not in ("", "NULL"),
              "%s@%s has no password" % (user, host))
    # The programs' OS user can reach the socket: it must not be root there.
    user = APP_OS_USER if _user_exists(APP_OS_USER) else "nobody"
    for extra in ([], ["--password="], ["--password=root"]):
        rc, out = _as_user(user, ["mariadb", "--no-defaults", "--socket=" + DB_SOCKET,
                                  "--user=root"] + extra + ["-N", "-e", "SELECT CURRENT_USER()"])
        check(rc != 0, "OS user %s signed in as MariaDB root %r: %s" % (user, extra, out))
        if user == APP_OS_USER:
            check("Access denied" in out, "not refused for the password: %s" % out)


def test_server_writes_no_files_outside_its_own_directory():
    _need_root()
    priv = sql_value("SELECT @@secure_file_priv")
    check(priv not in ("", "NULL"), "secure_file_priv is not set (%r)" % priv)
    mode = os.stat(priv).st_mode & 0o777
    check(not mode & 0o007, "secure_file_priv directory %s is open (%o)" % (priv, mode))
    target = os.path.join(VAR, "outfile-root.txt")
    p = subprocess.run([os.path.join(ROOT, "scripts", "db.sh"), "sql", "-e",
                        "SELECT 'x' INTO OUTFILE '%s'" % target],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
    check(p.returncode != 0 and not os.path.exists(target),
          "root wrote %s: %s" % (target, p.stdout.decode()))
    with open(os.path.join(VAR, "db-password")) as f:
        password = f.read().strip()
    target = os.path.join(VAR, "outfile-app.txt")
    p = subprocess.run(["mariadb", "--no-defaults", "--socket=" + DB_SOCKET, "--user=" + DB_USER,
                        "-e", "SELECT 'x' INTO OUTFILE '%s'" % target],
                       env=dict(os.environ, MYSQL_PWD=password),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
    out = p.stdout.decode()
    check(p.returncode != 0 and not os.path.exists(target), "the application wrote %s" % target)
    check("denied" in out or "secure-file-priv" in out, "unexpected refusal: %s" % out)
