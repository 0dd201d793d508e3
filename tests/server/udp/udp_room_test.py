#!/usr/bin/env python3
"""confabd --udp-room against the rendering of the original UDP client (udp_room_client.py) and
a plain IRC client socket: UDP clients appear in #lobby (JOIN) under a nick made from their
address, their texts are PRIVMSGs there and come back to every UDP client as "ip:port\\ntext",
#lobby's messages reach the UDP clients as "nick\\ntext", a client that stops its heartbeat
quits, and oversized or non-UTF-8 datagrams are dropped (and logged) without harm.

Usage: udp_room_test.py /path/to/confabd
Uses only the Python standard library.
"""
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from udp_room_client import UdpRoomClient  # noqa: E402

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def free_port(kind):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class IrcClient:
    """A bare IRC client: lines in, lines out."""

    def __init__(self, port, nick):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.settimeout(0.1)
        self.buffer = b""
        self.lines = []
        self.send("NICK %s" % nick)
        self.send("USER %s 0 * :UDP room test" % nick)

    def send(self, line):
        self.sock.sendall(line.encode("utf-8") + b"\r\n")

    def wait_for(self, predicate, seconds=5.0):
        """The first received line (decoded) for which predicate is true, or None."""
        end = time.time() + seconds
        seen = 0
        while True:
            while seen < len(self.lines):
                line = self.lines[seen]
                seen += 1
                if predicate(line):
                    return line
            if time.time() > end:
                return None
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                return None
            self.buffer += chunk
            *complete, self.buffer = self.buffer.split(b"\r\n")
            self.lines += [line.decode("utf-8", "replace") for line in complete]
            if any(line.startswith(b"PING ") for line in complete):
                self.send("PONG :x")


def received_queue():
    q = queue.Queue()
    return q, q.put


def wait_datagram(q, expected, seconds=5.0):
    end = time.time() + seconds
    got = []
    while time.time() < end:
        try:
            text = q.get(timeout=0.1)
        except queue.Empty:
            continue
        got.append(text)
        if text == expected:
            return True
    print("     received instead: %r" % got)
    return False


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    confabd = sys.argv[1]
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="")
    # A UDP port in use: a clear error and a non-zero exit, nothing served.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken, \
            tempfile.TemporaryDirectory(prefix="confabd-udp-") as busy_dir:
        taken.bind(("127.0.0.1", 0))
        result = subprocess.run([confabd, "-l", "127.0.0.1",
                                 "-p", str(free_port(socket.SOCK_STREAM)), "--no-tls",
                                 "--data-dir", busy_dir,
                                 "--udp-room", str(taken.getsockname()[1])],
                                capture_output=True, text=True, timeout=20, env=env)
        check(result.returncode == 1 and "cannot bind the UDP room" in result.stderr,
              "a UDP room port in use stops confabd with status 1 and says why (%d: %s)"
              % (result.returncode, result.stderr.strip().splitlines()[-1:]))
    port = free_port(socket.SOCK_STREAM)
    udp_port = free_port(socket.SOCK_DGRAM)
    data_dir = tempfile.TemporaryDirectory(prefix="confabd-udp-")
    log = tempfile.TemporaryFile(mode="w+")
    # A 1-second timeout instead of 10, so that the test does not wait long for a quit.
    daemon = subprocess.Popen([confabd, "-l", "127.0.0.1", "-p", str(port), "--no-tls",
                               "--data-dir", data_dir.name, "--udp-room", str(udp_port),
                               "--udp-room-timeout", "1", "--udp-room-rate", "50"],
                              stdout=log, stderr=subprocess.STDOUT, text=True, env=env)
    clients = []
    try:
        deadline = time.time() + 10
        while True:
            try:
                irc = IrcClient(port, "ircuser")
                break
            except OSError:
                if time.time() > deadline or daemon.poll() is not None:
                    check(False, "confabd starts with --udp-room")
                    return 1
                time.sleep(0.05)
        check(irc.wait_for(lambda l: " 366 ircuser #lobby " in l) is not None,
              "the IRC client is in #lobby")

        a_received, a_put = received_queue()
        a = UdpRoomClient("127.0.0.1", udp_port, on_receive=a_put, heartbeat_interval=0.25)
        clients.append(a)
        a_label = "127.0.0.1:%d" % a.port
        a_nick = "udp-127-0-0-1-%d" % a.port
        a.start()
        check(irc.wait_for(lambda l: l.startswith(":%s!" % a_nick) and " JOIN " in l) is not None,
              "a UDP client's heartbeat shows as a JOIN of %s in #lobby" % a_nick)

        b_received, b_put = received_queue()
        b = UdpRoomClient("127.0.0.1", udp_port, on_receive=b_put, heartbeat_interval=0.25)
        clients.append(b)
        b_nick = "udp-127-0-0-1-%d" % b.port
        b.start()
        check(irc.wait_for(lambda l: l.startswith(":%s!" % b_nick) and " JOIN " in l) is not None,
              "a second UDP client joins as %s" % b_nick)

        a.send("hello from UDP \u2603")
        check(irc.wait_for(lambda l: l.startswith(":%s!" % a_nick) and
                           l.endswith(" PRIVMSG #lobby :hello from UDP \u2603")) is not None,
              "a UDP text is a PRIVMSG to #lobby from the UDP client's user")
        check(wait_datagram(b_received, "%s\nhello from UDP \u2603" % a_label),
              "the other UDP client gets it as ip:port + newline + text")
        check(wait_datagram(a_received, "%s\nhello from UDP \u2603" % a_label),
              "the sender gets it back too, as from the original server")

        irc.send("PRIVMSG #lobby :hello from IRC \u4f60\u597d")
        check(wait_datagram(a_received, "ircuser\nhello from IRC \u4f60\u597d"),
              "a #lobby message reaches a UDP client as nick + newline + text")
        check(wait_datagram(b_received, "ircuser\nhello from IRC \u4f60\u597d"),
              "and every UDP client")

        # Hostile datagrams from a raw socket: too long, not UTF-8. Nothing reaches anyone.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as raw:
            raw.sendto(b"x" * 2000, ("127.0.0.1", udp_port))
            raw.sendto(b"caf\xe9", ("127.0.0.1", udp_port))
        a.send("after the hostile datagrams")
        line = irc.wait_for(lambda l: " PRIVMSG #lobby :" in l and "after the hostile" in l)
        check(line is not None and line.startswith(":%s!" % a_nick),
              "confabd serves on after a 2000-byte and a Latin-1 datagram")
        check(not any("xxxx" in l or "caf" in l for l in irc.lines),
              "neither dropped datagram reached #lobby")

        # B closes: no more heartbeats; after the timeout its user quits.
        b.stop()
        clients.remove(b)
        quit_line = irc.wait_for(lambda l: l.startswith(":%s!" % b_nick) and " QUIT " in l,
                                 seconds=5)
        check(quit_line is not None and "Ping timeout" in quit_line,
              "a UDP client that stops its heartbeat quits (%s)" % quit_line)
        # A, still beating, stays.
        time.sleep(1.5)
        check(not any(l.startswith(":%s!" % a_nick) and " QUIT " in l for l in irc.lines),
              "a UDP client that keeps its heartbeat stays")
        irc.send("PRIVMSG #lobby :still there?")
        check(wait_datagram(a_received, "ircuser\nstill there?"), "and still gets #lobby")

        daemon.send_signal(signal.SIGTERM)
        check(daemon.wait(timeout=10) == 0, "confabd stops on SIGTERM with status 0")
    finally:
        for client in clients:
            client.stop()
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        log.seek(0)
        output = log.read()
    check("datagram dropped: TooLong" in output, "the oversized datagram is logged as dropped")
    check("datagram dropped: InvalidUtf8" in output, "the Latin-1 datagram is logged as dropped")
    check("UDP room on 127.0.0.1 port %d" % udp_port in output, "the UDP room port is logged")
    if failures:
        print("\nconfabd log:\n" + output)
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
