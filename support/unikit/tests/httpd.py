#!/usr/bin/env python3
"""A local HTTP server for fetch.test, with well-behaved and misbehaving paths.

usage: httpd.py ROOT PORTFILE LOGFILE
Serves ROOT/<name> under these prefixes (one line per request goes to LOGFILE):
  /files/<name>     the file, or 404
  /other/<name>     ROOT/other/<name> (a second site), or 404
  /wrong/<name>     200 with the wrong bytes
  /trunc/<name>     announces the full length, sends half, closes
  /hang/<name>      reads the request and never answers
  /slow/<name>      the file in 8 pieces over about 2 seconds
  /flaky/<name>     503 the first time for each name, then the file
  /redirect/<name>  302 to /files/<name>
"""
import http.server
import os
import sys
import threading
import time

ROOT, PORTFILE, LOGFILE = sys.argv[1], sys.argv[2], sys.argv[3]
log_lock = threading.Lock()
flaky_seen = set()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, data, length=None):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        self.wfile.write(data)

    def not_found(self):
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def read(self, *parts):
        path = os.path.join(ROOT, *parts)
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    def do_GET(self):
        with log_lock, open(LOGFILE, "a") as log:
            log.write(self.path + "\n")
        _, kind, name = (self.path.split("/", 2) + [""])[:3]
        data = self.read("other", name) if kind == "other" else self.read(name)
        if kind == "hang":
            time.sleep(120)
            return
        if kind == "redirect":
            self.send_response(302)
            self.send_header("Location", "/files/" + name)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if kind == "flaky" and name not in flaky_seen:
            flaky_seen.add(name)
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if data is None:
            return self.not_found()
        if kind in ("files", "other", "flaky"):
            return self.send_body(data)
        if kind == "wrong":
            return self.send_body(b"not the archive you are looking for\n")
        if kind == "trunc":
            self.send_body(data[: len(data) // 2], length=len(data))
            self.close_connection = True
            return
        if kind == "slow":
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            step = max(1, len(data) // 8 + 1)
            for i in range(0, len(data), step):
                self.wfile.write(data[i:i + step])
                self.wfile.flush()
                time.sleep(0.25)
            return
        self.not_found()


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(PORTFILE + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(PORTFILE + ".tmp", PORTFILE)
    server.serve_forever()


if __name__ == "__main__":
    main()
