#!/usr/bin/env python3
"""Interoperability test for protocol coverage: the third-party Python `irc` library (Debian
package python3-irc) against the real confabd binary on 127.0.0.1.

Usage: interop-protocol.py /path/to/confabd

WHOWAS: a user who quit is found by the library's whowas() (314, 312, 369), an unknown nick gets
406. Multiline: a client speaking draft/multiline over a plain socket pastes three lines (one of
them blank, one continuing the one before) to #lobby; the library, which has no multiline
support, receives each line that is not blank as a message of its own, in order. Exits 77
(skipped) when the `irc` module is not installed, 1 on any failure.
"""
import os
import socket
import subprocess
import sys
import tempfile

import interopcheck
from interopcheck import check, free_port, read_until, stop, summary, wait_listening

SKIP = 77

try:
    import irc.client
except ImportError:
    print("SKIP: python3-irc is not installed (apt-get install python3-irc)")
    sys.exit(SKIP)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    confabd = sys.argv[1]
    data_dir = tempfile.TemporaryDirectory(prefix="confabd-interop-protocol-")
    port = free_port()
    daemon = subprocess.Popen(
        [confabd, "--listen", "127.0.0.1", "--port", str(port), "--no-tls",
         "--data-dir", os.path.join(data_dir.name, "data"), "--server-name", "interop.test"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        if not wait_listening(daemon, (port,)):
            print("FAIL confabd did not start")
            return 1
        clients = interopcheck.IrcClients(irc.client, port)
        wait_for, login = clients.wait_for, clients.login

        # WHOWAS.
        alice, gone = login("alice"), login("gone")
        gone.connection.quit("see you")
        check(wait_for(lambda: alice.has("quit", lambda e: e.source.nick == "gone")),
              "alice sees gone quit")
        alice.connection.whowas("gone")
        check(wait_for(lambda: alice.has("endofwhowas")), "WHOWAS gone ends with 369")
        check(alice.has("whowasuser", lambda e: e.arguments[0] == "gone"),
              "WHOWAS gone answers 314 with the nick")
        alice.connection.whowas("nobody")
        check(wait_for(lambda: alice.has("wasnosuchnick")), "WHOWAS nobody gets 406")

        # Multiline, seen by a client without it.
        paster = socket.create_connection(("127.0.0.1", port), timeout=10)
        paster.sendall(b"CAP LS 302\r\nCAP REQ :batch draft/multiline\r\nNICK paster\r\n"
                       b"USER paster 0 * :Paster\r\nCAP END\r\n")
        joined = read_until(paster, b" 366 ").decode(errors="replace").split("\r\n")
        check(any("draft/multiline=max-bytes=" in line for line in joined),
              "CAP LS offers draft/multiline with its limits")
        check(any(" ACK " in line and "draft/multiline" in line for line in joined),
              "the paster gets draft/multiline")
        paster.sendall(b"BATCH +p1 draft/multiline #lobby\r\n"
                       b"@batch=p1 PRIVMSG #lobby :first line\r\n"
                       b"@batch=p1 PRIVMSG #lobby :\r\n"
                       b"@batch=p1 PRIVMSG #lobby :second line, \r\n"
                       b"@batch=p1;draft/multiline-concat PRIVMSG #lobby :continued\r\n"
                       b"BATCH -p1\r\n")

        def pasted():
            return [e.arguments[0] for e in alice.events
                    if e.type == "pubmsg" and e.source.nick == "paster"]
        check(wait_for(lambda: len(pasted()) >= 3), "the paste arrives at the library's client")
        check(pasted() == ["first line", "second line, ", "continued"],
              "as its lines that are not blank, one message each, in order (got %r)" % pasted())
        check(not any(e.type == "batch" for e in alice.events),
              "and without a BATCH line")
    finally:
        output = stop(daemon)
        data_dir.cleanup()
    return summary(output, "all protocol interop checks passed")


if __name__ == "__main__":
    sys.exit(main())
