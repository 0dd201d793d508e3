#!/usr/bin/env python3
"""Interoperability test: the third-party Python `irc` library (Debian package python3-irc)
against the real confabd binary on 127.0.0.1.

Usage: interop-python-irc.py /path/to/confabd

Logs in two clients, gets 433 for a taken name (and recovers on the same connection), exchanges
private and #lobby messages, renames, quits with a reason, then stops the daemon with SIGTERM
and checks that the remaining client is told (ERROR) and that confabd exits with status 0.
Exits 77 (skipped) when the `irc` module is not installed, 1 on any failure.
"""
import os
import signal
import socket
import subprocess
import sys
import time

SKIP = 77

try:
    import irc.client
except ImportError:
    print("SKIP: python3-irc is not installed (apt-get install python3-irc)")
    sys.exit(SKIP)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One irc.client connection that records every event it sees."""

    def __init__(self, reactor, name):
        self.name = name
        self.events = []
        self.connection = reactor.server()

    def record(self, connection, event):
        if connection is self.connection:
            self.events.append(event)

    def has(self, kind, predicate=lambda e: True):
        return any(e.type == kind and predicate(e) for e in self.events)

    def find(self, kind):
        return [e for e in self.events if e.type == kind]


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    confabd = sys.argv[1]
    port = free_port()
    daemon = subprocess.Popen(
        [confabd, "--listen", "127.0.0.1", "--port", str(port), "--server-name", "interop.test",
         "--log-level", "info"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)
        return condition

    try:
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.time() > deadline or daemon.poll() is not None:
                    print("FAIL confabd did not start")
                    return 1
                time.sleep(0.05)

        # irc >= 9 calls it Reactor; Debian 12's 8.5 calls it IRC.
        reactor_class = getattr(irc.client, "Reactor", None) or irc.client.IRC
        reactor = reactor_class()
        clients = {}

        def on_any(connection, event):
            for client in clients.values():
                client.record(connection, event)
        reactor.add_global_handler("all_events", on_any, -10)

        def wait_for(condition, seconds=5.0):
            end = time.time() + seconds
            while time.time() < end:
                reactor.process_once(0.05)
                if condition():
                    return True
            return False

        alice = clients["alice"] = Client(reactor, "alice")
        bob = clients["bob"] = Client(reactor, "bob")
        alice.connection.connect("127.0.0.1", port, "alice", username="alice",
                                 ircname="Alice Interop")
        check(wait_for(lambda: alice.has("welcome")), "alice logs in (001)")
        check(wait_for(lambda: alice.has("join", lambda e: e.target == "#lobby")),
              "alice lands in #lobby")

        # A taken name: 433, then another name on the same connection.
        taker = clients["taker"] = Client(reactor, "taker")
        taker.connection.connect("127.0.0.1", port, "ALICE", username="taker",
                                 ircname="Name Taker")
        check(wait_for(lambda: taker.has("nicknameinuse")), "ALICE gets 433 (alice is online)")
        taker.connection.nick("bob")
        check(wait_for(lambda: taker.has("welcome")), "the same connection logs in as bob")
        check(taker.connection.get_nickname() == "bob", "its name is bob")
        taker.connection.quit("making room")
        check(wait_for(lambda: alice.has("quit", lambda e: e.source.nick == "bob")),
              "alice sees bob's quit")

        bob.connection.connect("127.0.0.1", port, "bob", username="bob", ircname="Bob Interop")
        check(wait_for(lambda: bob.has("welcome")), "bob logs in")
        check(wait_for(lambda: alice.has("join", lambda e: e.source.nick == "bob")),
              "alice sees bob join #lobby")

        bob.connection.privmsg("alice", "hello alice, privately")
        check(wait_for(lambda: alice.has(
            "privmsg", lambda e: e.arguments == ["hello alice, privately"]
            and e.source.nick == "bob")), "alice receives bob's private message")
        alice.connection.privmsg("#lobby", "hello room \u4f60\u597d")
        check(wait_for(lambda: bob.has(
            "pubmsg", lambda e: e.target == "#lobby"
            and e.arguments == ["hello room \u4f60\u597d"])),
              "bob receives alice's room message (UTF-8)")
        check(not alice.has("pubmsg"), "alice does not get her own room message back")

        alice.connection.nick("alicia")
        check(wait_for(lambda: bob.has("nick", lambda e: e.source.nick == "alice"
                                       and e.target == "alicia")), "bob sees alice -> alicia")
        check(wait_for(lambda: alice.connection.get_nickname() == "alicia"),
              "alice's client follows its own rename")
        bob.connection.privmsg("alicia", "new name works")
        check(wait_for(lambda: alice.has("privmsg", lambda e: e.arguments == ["new name works"])),
              "a private message reaches the new name")

        bob.connection.quit("bye for now")
        check(wait_for(lambda: alice.has("quit", lambda e: e.source.nick == "bob"
                                         and e.arguments == ["Quit: bye for now"])),
              "alicia sees bob quit with his reason")
        check(wait_for(lambda: bob.has("error")), "bob is answered with ERROR")

        # SIGTERM: the remaining client is told, the daemon exits 0.
        daemon.send_signal(signal.SIGTERM)
        check(wait_for(lambda: alice.has("error")), "on SIGTERM alicia gets ERROR")
        try:
            code = daemon.wait(10)
        except subprocess.TimeoutExpired:
            code = None
        check(code == 0, "confabd exits with status 0 after SIGTERM (got %s)" % code)
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        output = daemon.stdout.read() if daemon.stdout else ""
        if failures:
            print("--- confabd output ---")
            print(output)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all interop checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
