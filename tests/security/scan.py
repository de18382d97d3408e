#!/usr/bin/python3
"""make security: sqlmap on every form and parameter each role sees (and
signed out), then wapiti on the site, against the throwaway stack that
scripts/security.sh started. Both only ever talk to that host and port.

Writes its counts to $SECURITY_OUT/summary.md (scripts/security.sh puts it
into docs/security-scan.md) and the tools' own output beside it.

SECURITY_BUDGET (s, default 3600): sqlmap's share; targets not reached in
time are listed as not scanned. SECURITY_TARGET_SECONDS (default 180): one
sqlmap run at most. SECURITY_WAPITI_SECONDS (default 600): each wapiti run.
"""
import collections
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "http"))
sys.path.insert(0, HERE)

import lib  # noqa: E402
from lib import Client, sign_in  # noqa: E402
from crawl import BASE, crawl  # noqa: E402

OUT = os.environ.get("SECURITY_OUT") or os.path.join(lib.VAR, "security")
BUDGET = float(os.environ.get("SECURITY_BUDGET") or "3600")
PER_TARGET = int(os.environ.get("SECURITY_TARGET_SECONDS") or "180")
WAPITI_SECONDS = int(os.environ.get("SECURITY_WAPITI_SECONDS") or "600")
PAGES = int(os.environ.get("SECURITY_PAGES") or "80")

# Signed out, then one account of each role.
IDENTITIES = [("signed out", None), ("admin", "admin"), ("leader", "leader1"),
              ("staff", "staff01"), ("regional manager", "rm_huadong")]
PUBLIC_STARTS = ["/login", "/complaint", "/complaint/status"]
STAFF_STARTS = ["/", "/customers", "/customers/new", "/customers/import", "/complaints",
                "/complaints/overview", "/plans", "/plans/catalogue", "/plans/budget",
                "/dashboard", "/account"]
# Wapiti's modules that stay on the target: not wapp and nikto (they
# download their databases), ssrf and xxe (they call an outside endpoint),
# buster and brute_login_form (word lists; sign-in is throttled anyway).
WAPITI_MODULES = ("backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,"
                  "http_headers,methods,permanentxss,redirect,shellshock,sql,xss")


def client_for(user):
    if user is None:
        c = Client()
        c.get("/login")          # the double-submit CSRF cookie
        return c
    lib.clear_login_attempts(user)
    return sign_in(user)


def cookie_arg(c):
    return "; ".join("%s=%s" % kv for kv in c.cookies.items())


def sqlmap_targets(clients):
    """[(role, user, kind, url, data, page)] in scan order: targets of a
    shape no earlier role had come first, roles taking turns. The forms'
    tokens are those of clients[role], whose cookies the scans use."""
    per_role = []
    for role, user in IDENTITIES:
        c = clients[role]
        gets, forms = crawl(c, PUBLIC_STARTS if user is None else STAFF_STARTS, PAGES)
        items = [(k, (role, user, "GET", url, None, None)) for k, url in sorted(gets.items())]
        for k, f in sorted(forms.items()):
            if f["method"] == "GET":
                q = urllib.parse.urlencode(f["fields"])
                items.append((k, (role, user, "GET form", f["url"] + "?" + q, None, f["page"])))
            else:
                items.append((k, (role, user, "POST form", f["url"],
                                  urllib.parse.urlencode(f["fields"]), f["page"])))
        print("security: %s sees %d links with parameters and %d forms" % (
            role, len(gets), len(forms)), flush=True)
        per_role.append(items)
    first, again, seen = [], [], set()
    for i in range(max(len(x) for x in per_role)):
        for items in per_role:
            if i < len(items):
                key, target = items[i]
                (again if key in seen else first).append(target)
                seen.add(key)
    return first + again


def run_sqlmap(n, target, c):
    role, user, kind, url, data, page = target
    cmd = ["sqlmap", "-u", BASE + url, "--batch", "--level", "2", "--risk", "1", "--smart",
           "--threads", "1", "--timeout", "30", "--retries", "1", "--disable-coloring",
           "--flush-session", "--output-dir", os.path.join(OUT, "sqlmap"),
           "--cookie", cookie_arg(c), "--skip", "_csrf", "--ignore-code", "401"]
    if data is not None:
        cmd += ["--data", data]
    if data is not None and "_csrf=" in data:
        cmd += ["--csrf-token", "_csrf", "--csrf-url", BASE + page]
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=PER_TARGET, env=no_proxy_env())
        out = p.stdout.decode("utf-8", "replace")
        finished = True
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        finished = False
    with open(os.path.join(OUT, "sqlmap-%03d.log" % n), "w") as f:
        f.write("%s %s %s\n%s\n" % (role, kind, url, " ".join(cmd)) + out)
    params = sorted(set(re.findall(r"testing if (?:GET|POST|URI) parameter '([^']+)' is dynamic", out)) |
                    set(re.findall(r"(?:GET|POST) parameter '([^']+)' does not seem to be injectable", out)))
    injectable = len(re.findall(r"sqlmap identified the following injection point", out))
    errors = collections.Counter()
    for code, times in re.findall(r"(\d{3}) \([^)]*\) - (\d+) times", out):
        errors[code] += int(times)
    return {"role": role, "kind": kind, "url": url, "params": params,
            "injectable": injectable, "errors": errors, "finished": finished,
            "seconds": time.monotonic() - t0}


def no_proxy_env():
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = env["no_proxy"] = "*"
    return env


def run_wapiti(role, user, c):
    name = role.replace(" ", "-")
    cookies = os.path.join(OUT, "wapiti-%s-cookies.json" % name)
    with open(cookies, "w") as f:
        json.dump({lib.HOST: {"/": {k: {"value": v, "expires": None, "secure": False,
                                         "port": None, "version": 0}
                                     for k, v in c.cookies.items()}}}, f)
    report = os.path.join(OUT, "wapiti-%s.json" % name)
    cmd = ["/usr/bin/python3", os.path.join(HERE, "wapiti.py"), "-u", BASE + "/", "--scope", "folder", "-m", WAPITI_MODULES,
           "--no-bugreport", "--flush-session", "--store-session", os.path.join(OUT, "wapiti-session"),
           "--store-config", os.path.join(OUT, "wapiti-config"),
           "-x", BASE + "/logout", "-c", cookies, "--max-scan-time", str(WAPITI_SECONDS),
           "--max-attack-time", str(max(60, WAPITI_SECONDS // 8)), "-t", "30",
           "-f", "json", "-o", report, "-v", "1"]
    for s in PUBLIC_STARTS + ([] if user is None else STAFF_STARTS):
        cmd += ["-s", BASE + s]
    t0 = time.monotonic()
    with open(os.path.join(OUT, "wapiti-%s.log" % name), "w") as log:
        log.write(" ".join(cmd) + "\n")
        log.flush()
        try:
            subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT,
                           timeout=WAPITI_SECONDS * 3 + 300, env=no_proxy_env())
        except subprocess.TimeoutExpired:
            log.write("\n(timed out)\n")
    counts = {"vulnerabilities": collections.Counter(), "anomalies": collections.Counter()}
    try:
        with open(report) as f:
            data = json.load(f)
        for section in counts:
            for category, found in (data.get(section) or {}).items():
                if found:
                    counts[section][category] = len(found)
    except (OSError, ValueError) as e:
        counts["error"] = str(e)
    return role, cmd, counts, time.monotonic() - t0


def main():
    os.makedirs(OUT, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    # One visitor per identity for the whole run: the tokens in the forms
    # stay those of its cookies.
    clients = {role: client_for(user) for role, user in IDENTITIES}
    targets = sqlmap_targets(clients)
    print("security: %d sqlmap targets, budget %d s" % (len(targets), BUDGET), flush=True)
    results, skipped = [], []
    t0 = time.monotonic()
    for n, target in enumerate(targets):
        if time.monotonic() - t0 > BUDGET:
            skipped.append(target)
            continue
        r = run_sqlmap(n, target, clients[target[0]])
        results.append(r)
        print("security: sqlmap %3d %-16s %-9s %-60s params %d, injectable %d, errors %s%s (%.0f s)" % (
            n, r["role"], r["kind"], r["url"][:60], len(r["params"]), r["injectable"],
            dict(r["errors"]) or "-", "" if r["finished"] else ", timed out", r["seconds"]),
            flush=True)
    wapiti = [run_wapiti(role, user, clients[role]) for role, user in (IDENTITIES[0], IDENTITIES[3])]
    for role, _, counts, secs in wapiti:
        print("security: wapiti %s: %s (%.0f s)" % (role, counts, secs), flush=True)
    write_summary(started, targets, results, skipped, wapiti)
    return 0


def write_summary(started, targets, results, skipped, wapiti):
    inj = sum(r["injectable"] for r in results)
    e500 = sum(r["errors"].get("500", 0) for r in results)
    params = sum(len(r["params"]) for r in results)
    lines = ["## Run of %s" % started, "",
             "sqlmap: %d targets found by crawling as each role and signed out, %d scanned"
             " (%d parameters tested), %d not reached within SECURITY_BUDGET=%d s, %d timed out"
             " after %d s." % (len(targets), len(results), params, len(skipped), BUDGET,
                               sum(1 for r in results if not r["finished"]), PER_TARGET), "",
             "| | count |", "|---|---|",
             "| injectable parameters (sqlmap) | %d |" % inj,
             "| 500 answers seen by sqlmap | %d |" % e500]
    for role, _, counts, _ in wapiti:
        if "error" in counts:
            lines.append("| wapiti, %s | no report: %s |" % (role, counts["error"]))
            continue
        lines.append("| wapiti vulnerabilities, %s | %d |" % (role, sum(counts["vulnerabilities"].values())))
        lines.append("| wapiti anomalies, %s | %d |" % (role, sum(counts["anomalies"].values())))
    lines += ["", "Per role (sqlmap):", "", "| role | targets | parameters | injectable | 500s |",
              "|---|---|---|---|---|"]
    for role, _ in IDENTITIES:
        rs = [r for r in results if r["role"] == role]
        lines.append("| %s | %d | %d | %d | %d |" % (
            role, len(rs), sum(len(r["params"]) for r in rs), sum(r["injectable"] for r in rs),
            sum(r["errors"].get("500", 0) for r in rs)))
    for role, _, counts, _ in wapiti:
        for section in ("vulnerabilities", "anomalies"):
            if counts.get(section):
                lines.append("")
                lines.append("wapiti %s, %s: %s" % (role, section, ", ".join(
                    "%s %d" % kv for kv in sorted(counts[section].items()))))
    bad = [r for r in results if r["injectable"] or r["errors"]]
    if bad:
        lines += ["", "Targets with findings or HTTP errors:", ""]
        for r in bad:
            lines.append("- %s %s `%s`: injectable %d, errors %s" % (
                r["role"], r["kind"], r["url"], r["injectable"], dict(r["errors"])))
    if skipped:
        lines += ["", "Not reached within the budget: " + ", ".join(
            "%s `%s`" % (t[0], t[3].split("?")[0]) for t in skipped[:40])
            + (" …" if len(skipped) > 40 else "")]
    with open(os.path.join(OUT, "summary.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
