#!/usr/bin/env python3
"""The confabd daemon as a user runs it: --help, --version, clear errors with a non-zero exit for
a bad option and for a port in use, timestamped log lines, and SIGINT/SIGTERM -> ERROR to every
client and exit status 0.

Usage: confabd_cli_test.py /path/to/confabd
Uses only the Python standard library.
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(confabd, *args):
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="")
    return subprocess.run([confabd, *args], capture_output=True, text=True, timeout=20, env=env)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_until(sock, needle, seconds=5.0):
    sock.settimeout(0.2)
    data = b""
    end = time.time() + seconds
    while needle not in data and time.time() < end:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        data += chunk
    return data


def session(confabd, extra_args, stop_signal):
    port = free_port()
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="")
    daemon = subprocess.Popen([confabd, "-l", "127.0.0.1", "-p", str(port), *extra_args],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.time() + 10
        while True:
            try:
                client = socket.create_connection(("127.0.0.1", port), timeout=1)
                break
            except OSError:
                if time.time() > deadline or daemon.poll() is not None:
                    check(False, "confabd starts and accepts connections")
                    return None, None
                time.sleep(0.05)
        client.sendall(b"NICK cli\r\nUSER cli 0 * :CLI test\r\n")
        welcome = read_until(client, b" 366 ")
        check(b" 001 cli " in welcome, "a client logs in")
        daemon.send_signal(stop_signal)
        goodbye = read_until(client, b"ERROR")
        check(b"ERROR :Closing Link: 127.0.0.1 (Server shutting down)" in goodbye,
              "on %s the client is told: ERROR ... Server shutting down" %
              signal.Signals(stop_signal).name)
        try:
            code = daemon.wait(10)
        except subprocess.TimeoutExpired:
            code = None
        client.close()
        return code, daemon.stdout.read()
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()


def main():
    confabd = sys.argv[1]

    r = run(confabd, "--help")
    check(r.returncode == 0, "--help exits 0")
    for option in ("--listen", "--port", "--config", "--motd", "--server-name", "--max-clients",
                   "--max-per-ip", "--max-channels", "--flood-rate", "--flood-burst", "--sendq",
                   "--ping-interval", "--ping-timeout", "--registration-timeout", "--log-level",
                   "--qt-event-loop"):
        check(option in r.stdout, "--help lists " + option)

    r = run(confabd, "--version")
    check(r.returncode == 0 and re.match(r"confabd \d+\.\d+", r.stdout) is not None,
          "--version prints 'confabd <version>' and exits 0")

    r = run(confabd, "--frobnicate")
    check(r.returncode != 0, "an unknown option exits non-zero")
    check("frobnicate" in r.stderr and "--help" in r.stderr, "and says which option, and --help")

    r = run(confabd, "--port", "99999")
    check(r.returncode != 0 and "--port" in r.stderr, "--port 99999 is refused with a message")

    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        port = blocker.getsockname()[1]
        r = run(confabd, "-l", "127.0.0.1", "-p", str(port))
        check(r.returncode != 0, "a port in use exits non-zero")
        check("in use" in r.stderr and str(port) in r.stderr,
              "and the message names the port and says it is in use")

    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as ini:
        ini.write("server-name=cli.example.org\nmax-clients=5\n")
    try:
        code, log = session(confabd, ["-c", ini.name], signal.SIGINT)
    finally:
        os.unlink(ini.name)
    check(code == 0, "SIGINT: confabd exits with status 0 (got %s)" % code)
    log = log or ""
    for what, pattern in (("start", r"starting confabd .* as cli\.example\.org"),
                          ("listen address", r"listening on 127\.0\.0\.1 port \d+"),
                          ("connection from", r"connection from 127\.0\.0\.1"),
                          ("registered as", r"registered: cli!~cli@127\.0\.0\.1"),
                          ("event loop", r"event loop: EpollEventDispatcher"),
                          ("shutdown", r"shutting down: Server shutting down")):
        check(re.search(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} I confab\.server[a-z.]*: "
                        + pattern, log, re.M) is not None, "the log has a timestamped " + what)

    code, _ = session(confabd, ["--log-level", "warning"], signal.SIGTERM)
    check(code == 0, "SIGTERM: confabd exits with status 0 (got %s)" % code)

    # Qt's own event loop, kept for comparison, serves a client and stops the same way.
    code, log = session(confabd, ["--qt-event-loop"], signal.SIGTERM)
    check(code == 0, "--qt-event-loop: confabd exits with status 0 (got %s)" % code)
    check(re.search(r"event loop: QEventDispatcher", log or "") is not None,
          "--qt-event-loop: the log names Qt's dispatcher")

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all confabd command-line checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
