#!/usr/bin/env python3
"""A local SMTP sink for the tests (make test, docs/notifications.md): speaks
just enough SMTP for the outbox's sender (tools/kehu-notify.c) and writes each
message it accepts to DIR/NNNNNN.eml (the DATA as received, dot-stuffing
undone, with "X-Sink-From:" and "X-Sink-To:" lines in front). Nothing leaves
the machine. Standard library only.

    smtp_sink.py --port PORT --dir DIR [--pidfile FILE]

The HTTP tests stop it (SIGTERM) to see the sender retry, and start it again.
"""

import argparse
import os
import signal
import socketserver
import sys
import threading

lock = threading.Lock()


def next_name(directory):
    with lock:
        n = len([f for f in os.listdir(directory) if f.endswith(".eml")]) + 1
        while os.path.exists(os.path.join(directory, "%06d.eml" % n)):
            n += 1
        path = os.path.join(directory, "%06d.eml" % n)
        open(path + ".part", "wb").close()
        return path


class Session(socketserver.StreamRequestHandler):
    timeout = 30

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        sender, rcpts = None, []
        self.reply("220 kehu test sink ESMTP")
        while True:
            line = self.rfile.readline(4096)
            if not line:
                return
            cmd = line.decode("ascii", "replace").strip()
            verb = cmd[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-kehu-sink" if verb == "EHLO" else "250 kehu-sink")
                if verb == "EHLO":
                    self.reply("250-8BITMIME")
                    self.reply("250 SIZE 10485760")
            elif cmd.upper().startswith("MAIL FROM:"):
                sender, rcpts = cmd[10:].strip(), []
                self.reply("250 ok")
            elif cmd.upper().startswith("RCPT TO:"):
                if sender is None:
                    self.reply("503 need MAIL first")
                    continue
                rcpts.append(cmd[8:].strip())
                self.reply("250 ok")
            elif verb == "DATA":
                if not rcpts:
                    self.reply("503 need RCPT first")
                    continue
                self.reply("354 end with <CRLF>.<CRLF>")
                data = []
                while True:
                    raw = self.rfile.readline(65536)
                    if not raw:
                        return
                    if raw == b".\r\n":
                        break
                    if raw.startswith(b"."):
                        raw = raw[1:]
                    data.append(raw)
                path = next_name(self.server.directory)
                head = "X-Sink-From: %s\r\nX-Sink-To: %s\r\n" % (sender, ", ".join(rcpts))
                with open(path + ".part", "wb") as f:
                    f.write(head.encode() + b"".join(data))
                os.rename(path + ".part", path)
                self.reply("250 queued as %s" % os.path.basename(path))
                sender, rcpts = None, []
            elif verb == "RSET":
                sender, rcpts = None, []
                self.reply("250 ok")
            elif verb == "NOOP":
                self.reply("250 ok")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--pidfile")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    server = Server((a.host, a.port), Session)
    server.directory = a.dir
    if a.pidfile:
        with open(a.pidfile, "w") as f:
            f.write("%d\n" % os.getpid())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        if a.pidfile and os.path.exists(a.pidfile):
            os.unlink(a.pidfile)


if __name__ == "__main__":
    main()
