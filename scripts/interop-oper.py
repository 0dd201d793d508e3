#!/usr/bin/env python3
"""Interoperability test for operators: the third-party Python `irc` library (Debian package
python3-irc) against the real confabd binary on 127.0.0.1.

Usage: interop-oper.py /path/to/confabd

Hashes a password with `confabd mkpasswd` (read from standard input), writes it into an
[oper/admin] block of a config file and starts confabd with it and --allow-die. Then: a wrong
OPER password gets 464, the right one 381; a user who is not an operator gets 481 for KILL; the
operator KILLs a user, who gets ERROR while a third client sees the QUIT with the kill reason;
WHOIS shows 313; STATS u answers 242 and 219; DIE stops the daemon with status 0. The password
never appears in confabd's output. Exits 77 (skipped) when the `irc` module is not installed, 1 on
any failure.
"""
import os
import subprocess
import sys
import tempfile

import interopcheck
from interopcheck import check, free_port, stop, summary, wait_listening

SKIP = 77
PASSWORD = "oper-interop-pass"

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
    data_dir = tempfile.TemporaryDirectory(prefix="confabd-interop-oper-")
    hashed = subprocess.run([confabd, "--scram-iterations", "4096", "mkpasswd"],
                            input=PASSWORD + "\n", capture_output=True, text=True, timeout=30)
    password_hash = hashed.stdout.strip()
    check(hashed.returncode == 0 and password_hash.startswith("SCRAM-SHA-256$4096:"),
          "confabd mkpasswd prints a SCRAM-SHA-256 hash")
    check(PASSWORD not in hashed.stdout + hashed.stderr, "mkpasswd does not echo the password")
    config_file = os.path.join(data_dir.name, "confabd.conf")
    with open(config_file, "w") as config:
        config.write("[oper/admin]\npassword=%s\nhosts=*@127.0.0.1\n" % password_hash)
    port = free_port()
    daemon = subprocess.Popen(
        [confabd, "-c", config_file, "--listen", "127.0.0.1", "--port", str(port), "--no-tls",
         "--data-dir", os.path.join(data_dir.name, "data"), "--allow-die",
         "--server-name", "interop.test", "--log-level", "info"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        if not wait_listening(daemon, (port,)):
            print("FAIL confabd did not start")
            return 1

        clients = interopcheck.IrcClients(irc.client, port)
        wait_for, login = clients.wait_for, clients.login

        alice, bob, carol = login("alice"), login("bob"), login("carol")

        alice.connection.oper("admin", "not the password")
        check(wait_for(lambda: alice.has("passwdmismatch")), "a wrong OPER password gets 464")
        alice.connection.oper("admin", PASSWORD)
        check(wait_for(lambda: alice.has("youreoper")), "OPER with the password gets 381")

        carol.connection.send_raw("KILL bob :not allowed")
        check(wait_for(lambda: carol.has("noprivileges")), "KILL from a non-operator gets 481")

        carol.connection.whois(["alice"])
        check(wait_for(lambda: carol.has("endofwhois")), "WHOIS alice ends with 318")
        check(carol.has("whoisoperator"), "WHOIS shows alice as an operator (313)")

        alice.connection.send_raw("KILL bob :spamming the lobby")
        check(wait_for(lambda: bob.has("error")), "the killed user gets ERROR")
        reason = "Killed (alice (spamming the lobby))"
        check(any(reason in " ".join([e.target or ""] + e.arguments)
                  for e in bob.events if e.type == "error"),
              "its ERROR says " + reason)
        check(wait_for(lambda: carol.has("quit", lambda e: e.source.nick == "bob"
                                         and e.arguments == [reason])),
              "others see the QUIT with the kill reason")

        carol.connection.stats("u")
        check(wait_for(lambda: carol.has("endofstats")), "STATS u ends with 219")
        check(carol.has("statsuptime"), "STATS u answers 242 to anyone")

        alice.connection.send_raw("DIE")
        check(wait_for(lambda: carol.has("error")), "DIE: the other clients get ERROR")
        try:
            code = daemon.wait(10)
        except subprocess.TimeoutExpired:
            code = None
        check(code == 0, "confabd exits with status 0 after DIE (got %s)" % code)
    finally:
        output = stop(daemon)
        check("OPER admin succeeded" in output and "KILL bob" in output and "DIE by" in output,
              "confabd logged OPER, KILL and DIE")
        check(PASSWORD not in output, "the password is not in confabd's log")
        data_dir.cleanup()
    return summary(output, "all operator interop checks passed")


if __name__ == "__main__":
    sys.exit(main())
