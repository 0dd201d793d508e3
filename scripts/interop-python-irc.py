#!/usr/bin/env python3
"""Interoperability test: the third-party Python `irc` library (Debian package python3-irc)
against the real confabd binary on 127.0.0.1.

Usage: interop-python-irc.py /path/to/confabd

Logs in two clients, gets 433 for a taken name (and recovers on the same connection), exchanges
private and #lobby messages, renames, quits with a reason, then stops the daemon with SIGTERM
and checks that the remaining client is told (ERROR) and that confabd exits with status 0.
A third client connects over TLS (Python's ssl module, trusting exactly the certificate confabd
generated in its data directory), registers and exchanges messages with the plain-text clients.
confabd runs with its own temporary --data-dir and free ports, so several runs do not collide.
Exits 77 (skipped) when the `irc` module is not installed, 1 on any failure.
"""
import functools
import hashlib
import os
import re
import signal
import ssl
import subprocess
import sys
import tempfile

import interopcheck
from interopcheck import check, free_port, stop, summary, wait_listening

SKIP = 77

try:
    import irc.client
    import irc.connection
except ImportError:
    print("SKIP: python3-irc is not installed (apt-get install python3-irc)")
    sys.exit(SKIP)


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
    tls_port = free_port()
    data_dir = tempfile.TemporaryDirectory(prefix="confabd-interop-")
    certificate_file = os.path.join(data_dir.name, "tls", "confabd-cert.pem")
    daemon = subprocess.Popen(
        [confabd, "--listen", "127.0.0.1", "--port", str(port), "--tls-port", str(tls_port),
         "--files-port", "0", "--data-dir", data_dir.name, "--server-name", "interop.test", "--log-level", "info"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        if not wait_listening(daemon, (port, tls_port)):
            print("FAIL confabd did not start")
            return 1

        # irc >= 9 calls it Reactor; Debian 12's 8.5 calls it IRC.
        reactor_class = getattr(irc.client, "Reactor", None) or irc.client.IRC
        reactor = reactor_class()
        clients = {}

        def on_any(connection, event):
            for client in clients.values():
                client.record(connection, event)
        reactor.add_global_handler("all_events", on_any, -10)

        def wait_for(condition, seconds=5.0):
            return interopcheck.wait_for(reactor, condition, seconds)

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

        # Over TLS: the server's certificate is trusted because it is the one in confabd's data
        # directory (pinned), and it must match the address connected to (127.0.0.1).
        check(os.path.exists(certificate_file), "confabd generated its TLS certificate")
        tls_context = ssl.create_default_context(cafile=certificate_file)
        tls_factory = irc.connection.Factory(
            wrapper=functools.partial(tls_context.wrap_socket, server_hostname="127.0.0.1"))
        carol = clients["carol"] = Client(reactor, "carol")
        carol.connection.connect("127.0.0.1", tls_port, "carol", username="carol",
                                 ircname="Carol over TLS", connect_factory=tls_factory)
        check(carol.connection.socket.version() in ("TLSv1.2", "TLSv1.3"),
              "carol's connection is TLS 1.2 or later (%s)" % carol.connection.socket.version())
        served_certificate = carol.connection.socket.getpeercert(binary_form=True)
        with open(certificate_file) as pem:
            check(served_certificate == ssl.PEM_cert_to_DER_cert(pem.read()),
                  "the TLS port serves the certificate from the data directory")
        check(wait_for(lambda: carol.has("welcome")), "carol logs in over TLS (001)")
        check(wait_for(lambda: alice.has("join", lambda e: e.source.nick == "carol")),
              "alice (plain text) sees carol (TLS) join #lobby")
        carol.connection.privmsg("alice", "hello from TLS")
        check(wait_for(lambda: alice.has(
            "privmsg", lambda e: e.arguments == ["hello from TLS"]
            and e.source.nick == "carol")), "alice receives carol's message sent over TLS")
        alice.connection.privmsg("carol", "hello from plain text")
        check(wait_for(lambda: carol.has(
            "privmsg", lambda e: e.arguments == ["hello from plain text"]
            and e.source.nick == "alice")), "carol receives alice's plain-text message over TLS")

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
        check(wait_for(lambda: carol.has(
            "pubmsg", lambda e: e.target == "#lobby"
            and e.arguments == ["hello room \u4f60\u597d"])),
              "carol receives alice's room message over TLS (UTF-8)")

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
        check(wait_for(lambda: carol.has("error")), "on SIGTERM carol gets ERROR over TLS")
        try:
            code = daemon.wait(10)
        except subprocess.TimeoutExpired:
            code = None
        check(code == 0, "confabd exits with status 0 after SIGTERM (got %s)" % code)
    finally:
        output = stop(daemon)
        if os.path.exists(certificate_file):
            with open(certificate_file) as pem:
                digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem.read())).hexdigest()
            fingerprint = ":".join(digest[i:i + 2] for i in range(0, 64, 2)).upper()
            check(re.search(r"TLS certificate SHA-256 fingerprint: " + fingerprint, output)
                  is not None, "confabd logged the certificate's SHA-256 fingerprint")
        data_dir.cleanup()
    return summary(output, "all interop checks passed")


if __name__ == "__main__":
    sys.exit(main())
