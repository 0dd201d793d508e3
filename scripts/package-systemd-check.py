#!/usr/bin/env python3
"""Starts the installed confabd.service under a real systemd and checks it as an admin would.

Usage: package-systemd-check.py    (as root, with the confabd package installed)

Where systemd is not PID 1 (a CI container), a private systemd is booted as PID 1 of new PID
and mount namespaces, with its own /run, /tmp and /var/tmp (so it cleans nothing of the host),
up to basic.target only. A drop-in moves the service to free ports; everything else is the
packaged unit, hardening included. Then: `systemctl start` returns once confabd has sent
READY=1 (Type=notify), the service is active and runs as a dynamic user (not root), an IRC
client registers over plain text, `systemctl reload` (SIGHUP) is logged in the journal and
confabd serves on, `systemctl stop` ends it cleanly. Exits 0 when all holds, 1 when something
fails, and 0 after printing SKIP when no systemd can be run here at all.
"""
import os
import shutil
import socket
import subprocess
import sys
import time

from interopcheck import check, free_port, register, summary


class Systemd:
    """systemctl and journalctl against the host's systemd, or a private one."""

    def __init__(self):
        self.process = None
        self.pid = None  # the private systemd, as the host sees it
        self.prefix = []

    def boot(self):
        if os.path.exists("/run/systemd/system"):
            print("systemd is PID 1 here: using it")
            return True
        systemd = "/lib/systemd/systemd"
        if not os.path.exists(systemd) or not shutil.which("unshare") or not shutil.which("nsenter"):
            return False
        script = ("mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /tmp && "
                  "mount -t tmpfs tmpfs /var/tmp && exec %s --system --unit=basic.target "
                  "--log-target=null" % systemd)
        self.process = subprocess.Popen(
            ["unshare", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc",
             "--propagation", "private", "sh", "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The PID of the private systemd as the host sees it: unshare's child.
        deadline = time.time() + 10
        pid = None
        while time.time() < deadline and pid is None:
            try:
                children = open("/proc/%d/task/%d/children" % (self.process.pid,
                                                               self.process.pid)).read().split()
                pid = int(children[0]) if children else None
            except OSError:
                pass
            if pid is None:
                time.sleep(0.1)
        if pid is None:
            return False
        self.pid = pid
        self.prefix = ["nsenter", "-t", str(pid), "-m", "-p"]
        deadline = time.time() + 60
        while time.time() < deadline:
            state = self.run(["systemctl", "is-system-running"]).stdout.strip()
            if state in ("running", "degraded"):
                print("a private systemd runs (%s)" % state)
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.5)
        return False

    def run(self, command, check_rc=False):
        result = subprocess.run(self.prefix + command, capture_output=True, text=True, timeout=60)
        if check_rc and result.returncode != 0:
            print(" ".join(command), "->", result.returncode, result.stdout, result.stderr)
        return result

    def shutdown(self):
        if self.pid is not None:
            try:
                os.kill(self.pid, 9)  # PID 1 of the namespace: everything in it goes too
            except ProcessLookupError:
                pass
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def irc_welcome(port, nick):
    """Whether a client registering as nick gets 001."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            return b" 001 " in register(sock, nick, "Systemd check")
    except OSError:
        return False


def main():
    if os.geteuid() != 0:
        print("package-systemd-check: run as root")
        return 1
    systemd = Systemd()
    try:
        if not systemd.boot():
            print("SKIP: no systemd can be run on this machine")
            return 0
        port, tls_port = free_port(), free_port()
        dropin = "/run/systemd/system/confabd.service.d"
        # The drop-in goes into the private systemd's /run.
        systemd.run(["mkdir", "-p", dropin], check_rc=True)
        # The packaged command line, on free ports of 127.0.0.1.
        fragment = systemd.run(["systemctl", "show", "-P", "FragmentPath", "confabd"]).stdout
        with open(fragment.strip()) as unit:
            exec_start = [line.split("=", 1)[1].strip() for line in unit
                          if line.startswith("ExecStart=")][0]
        override = ("[Service]\nExecStart=\nExecStart=%s --listen=127.0.0.1 --port=%d "
                    "--tls-port=%d --files-port=0\n" % (exec_start, port, tls_port))
        subprocess.run(systemd.prefix + ["sh", "-c", "cat > %s/ports.conf" % dropin],
                       input=override, text=True, check=True, timeout=30)
        systemd.run(["systemctl", "daemon-reload"], check_rc=True)

        started = systemd.run(["systemctl", "start", "confabd"], check_rc=True)
        check(started.returncode == 0, "systemctl start confabd (returns after READY=1)")
        active = systemd.run(["systemctl", "is-active", "confabd"]).stdout.strip()
        check(active == "active", "confabd.service is active (%s)" % active)
        shown = systemd.run(["systemctl", "show", "-p", "MainPID", "-p", "Type",
                             "-p", "NRestarts", "confabd"]).stdout
        print(shown.strip())
        main_pid = [line.split("=", 1)[1] for line in shown.splitlines()
                    if line.startswith("MainPID=")]
        user = systemd.run(["ps", "-o", "user=", "-p", main_pid[0] if main_pid else "0"]).stdout
        check(user.strip() not in ("", "root"),
              "it runs as a dynamic user, not root (%s)" % user.strip())
        check(irc_welcome(port, "alice"), "an IRC client registers (001) on port %d" % port)
        reloaded = systemd.run(["systemctl", "reload", "confabd"], check_rc=True)
        check(reloaded.returncode == 0, "systemctl reload confabd")
        deadline = time.time() + 10
        journal = ""
        while time.time() < deadline and "reloading the TLS certificate" not in journal:
            journal = systemd.run(["journalctl", "-u", "confabd", "--no-pager", "-o", "cat"]).stdout
            time.sleep(0.3)
        check("reloading the TLS certificate" in journal, "the journal shows the reload")
        check("TLS certificate SHA-256 fingerprint" in journal,
              "the journal shows the certificate's fingerprint")
        check(irc_welcome(port, "bob"), "confabd serves on after the reload")
        stopped = systemd.run(["systemctl", "stop", "confabd"], check_rc=True)
        state = systemd.run(["systemctl", "is-active", "confabd"]).stdout.strip()
        check(stopped.returncode == 0 and state == "inactive",
              "systemctl stop confabd leaves it inactive (%s), not failed" % state)
        journal = systemd.run(["journalctl", "-u", "confabd", "--no-pager"]).stdout
    finally:
        systemd.shutdown()
    return summary(journal, "confabd.service works under systemd")


if __name__ == "__main__":
    sys.exit(main())
