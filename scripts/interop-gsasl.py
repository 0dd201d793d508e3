#!/usr/bin/env python3
"""Interoperability of confabd's SASL with GNU SASL's own command-line client (Debian gsasl).

confabd runs with a temporary data directory; an account is made with `confabd account add`
(password on standard input); then, over IRC, the gsasl program plays the client side of
SCRAM-SHA-256 and PLAIN: this script only carries its base64 lines between it and the server.
Checks success with the right password and failure with a wrong one, for both mechanisms.

Usage: interop-gsasl.py /path/to/confabd      (exit 77 when gsasl is not installed)
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from interopcheck import check, failures, free_port


class Irc:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""

    def send(self, line):
        self.sock.sendall(line.encode() + b"\r\n")

    def read_line(self, seconds=10):
        end = time.time() + seconds
        while b"\r\n" not in self.buffer:
            if time.time() > end:
                raise TimeoutError("no line from the server")
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line.decode()

    def wait_for(self, predicate, seconds=15):
        while True:
            line = self.read_line(seconds)
            if predicate(line):
                return line


def command(line):
    parts = line.split(" ")
    return parts[1] if line.startswith(":") else parts[0]


def login(port, mechanism, account, password):
    """One IRC connection that authenticates with gsasl as the SASL client; returns the final
    numeric (903 or 904)."""
    irc = Irc(port)
    irc.send("CAP LS 302")
    irc.send("NICK interop%d" % (int(time.time() * 1000) % 100000))
    irc.send("USER i 0 * :interop")
    irc.send("CAP REQ :sasl")
    irc.wait_for(lambda l: command(l) == "CAP" and " ACK " in l)
    gsasl = subprocess.Popen(
        ["gsasl", "--client", "--mechanism", mechanism, "--authentication-id", account,
         "--password", password, "--no-starttls", "--no-cb", "--quiet"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        gsasl.stdout.readline()  # the mechanism's name
        irc.send("AUTHENTICATE " + mechanism)
        irc.wait_for(lambda l: command(l) == "AUTHENTICATE")
        while True:
            response = gsasl.stdout.readline().strip()
            irc.send("AUTHENTICATE " + (response if response else "+"))
            line = irc.wait_for(lambda l: command(l) in ("AUTHENTICATE", "903", "904", "905"))
            if command(line) != "AUTHENTICATE":
                return command(line)
            challenge = line.rsplit(" ", 1)[1]
            gsasl.stdin.write(("" if challenge == "+" else challenge) + "\n")
            gsasl.stdin.flush()
    finally:
        gsasl.kill()
        irc.sock.close()


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    if not shutil.which("gsasl"):
        print("gsasl is not installed (apt-get install gsasl): skipped")
        return 77
    confabd = sys.argv[1]
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="")
    with tempfile.TemporaryDirectory() as data:
        base = [confabd, "--data-dir", data, "--scram-iterations", "4096"]
        made = subprocess.run(base + ["account", "add", "carol"], input="interop-secret\n",
                              capture_output=True, text=True, env=env, timeout=30)
        check(made.returncode == 0, "confabd account add (password from stdin)")
        port = free_port()
        daemon = subprocess.Popen(base + ["-l", "127.0.0.1", "-p", str(port), "--no-tls"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env=env)
        try:
            deadline = time.time() + 10
            while time.time() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            for mechanism in ("SCRAM-SHA-256", "PLAIN"):
                check(login(port, mechanism, "carol", "interop-secret") == "903",
                      mechanism + ": gsasl logs in with the right password")
                check(login(port, mechanism, "carol", "wrong-secret") == "904",
                      mechanism + ": gsasl is refused with a wrong password")
        finally:
            daemon.terminate()
            try:
                daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daemon.kill()
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
