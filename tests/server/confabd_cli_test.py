#!/usr/bin/env python3
"""The confabd daemon as a user runs it: --help, --version, clear errors with a non-zero exit for
a bad option, for a port in use and for an unusable TLS certificate, timestamped log lines, TLS
(a generated certificate in the data directory, its fingerprint in the log, a client over TLS),
SIGHUP -> reload and serve on, and SIGINT/SIGTERM -> ERROR to every client and exit status 0.

Every confabd started here has its own temporary --data-dir and free ports (or --no-tls), so
that runs in parallel do not collide.

Usage: confabd_cli_test.py /path/to/confabd
Uses only the Python standard library.
"""
import hashlib
import os
import re
import signal
import socket
import ssl
import stat
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


def tls_login(tls_port, certificate_file, nick):
    """Logs in over TLS, trusting exactly the certificate in the data directory; returns the
    server certificate's SHA-256 fingerprint as confabd logs it, or None."""
    context = ssl.create_default_context(cafile=certificate_file)
    try:
        with socket.create_connection(("127.0.0.1", tls_port), timeout=5) as raw:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                check(tls.version() in ("TLSv1.2", "TLSv1.3"),
                      "TLS 1.2 or later (%s)" % tls.version())
                digest = hashlib.sha256(tls.getpeercert(binary_form=True)).hexdigest()
                tls.sendall(b"NICK %s\r\nUSER %s 0 * :TLS test\r\n" % (nick, nick))
                welcome = read_until(tls, b" 366 ")
                check(b" 001 " + nick + b" " in welcome,
                      "a client logs in over TLS as " + nick.decode())
                tls.sendall(b"QUIT\r\n")
                read_until(tls, b"ERROR")
    except (OSError, ssl.SSLError) as error:
        check(False, "a TLS client connects and verifies the certificate (%s)" % error)
        return None
    return ":".join(digest[i:i + 2] for i in range(0, 64, 2)).upper()


def session(confabd, extra_args, stop_signal, tls=True):
    """Runs confabd with its own data directory (and a free TLS port, or --no-tls), logs a client
    in, checks TLS and SIGHUP when tls is set, then stops it with stop_signal. Returns the exit
    code and the log."""
    port = free_port()
    tls_port = free_port()
    data_dir = tempfile.TemporaryDirectory(prefix="confabd-cli-")
    tls_args = ["--tls-port", str(tls_port), "--files-port", "0"] if tls else ["--no-tls"]
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="")
    daemon = subprocess.Popen([confabd, "-l", "127.0.0.1", "-p", str(port), "--data-dir",
                               data_dir.name, *tls_args, *extra_args],
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
        fingerprints = []
        if tls:
            certificate_file = os.path.join(data_dir.name, "tls", "confabd-cert.pem")
            key_file = os.path.join(data_dir.name, "tls", "confabd-key.pem")
            check(os.path.exists(certificate_file) and os.path.exists(key_file),
                  "the TLS certificate and key are generated in <data-dir>/tls")
            check(os.path.exists(key_file) and stat.S_IMODE(os.stat(key_file).st_mode) == 0o600,
                  "the generated key file is readable by its owner only (0600)")
            fingerprints.append(tls_login(tls_port, certificate_file, b"tlscli"))
            # SIGHUP reloads (the certificate is unchanged) and confabd serves on.
            daemon.send_signal(signal.SIGHUP)
            time.sleep(0.3)
            check(daemon.poll() is None, "confabd keeps running after SIGHUP")
            fingerprints.append(tls_login(tls_port, certificate_file, b"tlscli2"))
        else:
            check(not os.path.exists(os.path.join(data_dir.name, "tls")),
                  "--no-tls: no certificate is generated")
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
        log = daemon.stdout.read()
        if tls:
            found = re.findall(r"^\S+ I confab\.server\.tls: TLS certificate SHA-256 fingerprint: "
                               r"((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$", log, re.M)
            check(len(found) == 1 and fingerprints[0] is not None and found[0] == fingerprints[0],
                  "the log has the certificate's SHA-256 fingerprint, as clients see it")
            check(fingerprints[0] is not None and fingerprints[0] == fingerprints[1],
                  "the same certificate after SIGHUP")
            reloaded = re.search(r"I confab\.server: reloading the TLS certificate, the MOTD "
                                 r"and the options", log)
            unchanged = re.search(r"I confab\.server\.tls: TLS certificate unchanged", log)
            check(reloaded is not None and unchanged is not None,
                  "the log shows the reload on SIGHUP")
            check(re.search(r"I confab\.server: listening on 127\.0\.0\.1 port %d \(TLS\)$"
                            % tls_port, log, re.M) is not None, "the log has the TLS port")
        return code, log
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        data_dir.cleanup()


def main():
    confabd = sys.argv[1]

    r = run(confabd, "--help")
    check(r.returncode == 0, "--help exits 0")
    for option in ("--listen", "--port", "--config", "--motd", "--server-name", "--max-clients",
                   "--max-per-ip", "--max-channels", "--flood-rate", "--flood-burst", "--sendq",
                   "--ping-interval", "--ping-timeout", "--registration-timeout", "--log-level",
                   "--qt-event-loop", "--data-dir", "--tls-port", "--no-tls", "--tls-cert",
                   "--tls-key"):
        check(option in r.stdout, "--help lists " + option)

    r = run(confabd, "--version")
    check(r.returncode == 0 and re.match(r"confabd \d+\.\d+", r.stdout) is not None,
          "--version prints 'confabd <version>' and exits 0")

    r = run(confabd, "--frobnicate")
    check(r.returncode != 0, "an unknown option exits non-zero")
    check("frobnicate" in r.stderr and "--help" in r.stderr, "and says which option, and --help")

    r = run(confabd, "--port", "99999")
    check(r.returncode != 0 and "--port" in r.stderr, "--port 99999 is refused with a message")

    with tempfile.TemporaryDirectory(prefix="confabd-cli-") as data_dir, \
            socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen(1)
        port = blocker.getsockname()[1]
        r = run(confabd, "-l", "127.0.0.1", "-p", str(port), "--no-tls", "--data-dir", data_dir)
        check(r.returncode != 0, "a port in use exits non-zero")
        check("in use" in r.stderr and str(port) in r.stderr,
              "and the message names the port and says it is in use")
        r = run(confabd, "-l", "127.0.0.1", "-p", str(free_port()), "--tls-port", str(port),
                "--files-port", "0", "--data-dir", data_dir)
        check(r.returncode != 0, "a TLS port in use exits non-zero")
        check("in use" in r.stderr and str(port) in r.stderr and "(TLS)" in r.stderr,
              "and the message names the TLS port and says it is in use")

    with tempfile.TemporaryDirectory(prefix="confabd-cli-") as data_dir:
        garbage = os.path.join(data_dir, "garbage.pem")
        with open(garbage, "w") as f:
            f.write("not a certificate\n")
        r = run(confabd, "-l", "127.0.0.1", "-p", str(free_port()), "--tls-port",
                str(free_port()), "--files-port", "0", "--data-dir", data_dir, "--tls-cert",
                garbage, "--tls-key", garbage)
        check(r.returncode != 0, "an unusable --tls-cert exits non-zero")
        check("no PEM certificate in " + garbage in r.stderr,
              "and the message says what is wrong with which file")

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

    code, _ = session(confabd, ["--log-level", "warning"], signal.SIGTERM, tls=False)
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
