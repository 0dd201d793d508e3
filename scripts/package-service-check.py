#!/usr/bin/env python3
"""Starts the installed confabd the way its systemd unit does, without systemd, and checks it as
the service manager and a client would see it. For scripts/package-check.sh.

Usage: package-service-check.py UNIT_FILE WORK_DIR
       package-service-check.py --seccomp UNIT_FILE -- COMMAND...   (used by itself, see below)

From UNIT_FILE it takes the ExecStart= command line and Type=. It runs that command with the
unit's state directory (/var/lib/confabd) replaced by WORK_DIR/state, on free ports (appended
--port/--tls-port, which win over the config file), as the user nobody with no capabilities and
no new privileges (when run as root), under the unit's SystemCallFilter=,
MemoryDenyWriteExecute= and RestrictAddressFamilies= applied with libseccomp (when /usr/bin/python3 has Debian's
python3-seccomp), with a clean environment plus what systemd would pass:
NOTIFY_SOCKET (Type=notify) and JOURNAL_STREAM (stderr is the journal). Then it checks:
READY=1 arrives, a client registers over plain text and over TLS (001), log lines carry syslog
priorities instead of time stamps, SIGHUP (ExecReload=) keeps it serving, and SIGTERM ends it
with status 0. Standard library only.
"""
import errno
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from interopcheck import check, failures, free_port, register  # noqa: E402

STATE_DIR = "/var/lib/confabd"


def unit_settings(path):
    """The [Service] assignments of a unit file, continuation lines joined."""
    settings = {}
    section = None
    with open(path, encoding="utf-8") as unit:
        text = unit.read().replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
            continue
        key, _, value = line.partition("=")
        if section == "[Service]":
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


syscall_groups = {}


def syscall_group(name):
    """The system calls of a systemd syscall group (@system-service), nested groups expanded."""
    if not name.startswith("@"):
        return {name}
    if name not in syscall_groups:
        listing = subprocess.run(["systemd-analyze", "syscall-filter", name], check=True,
                                 capture_output=True, text=True).stdout
        calls = set()
        for line in listing.splitlines()[1:]:
            line = line.strip()
            if line and not line.startswith("#"):
                calls |= syscall_group(line)
        syscall_groups[name] = calls
    return syscall_groups[name]


def exec_under_unit_filter(unit_file, command):
    """Loads the unit's system call filter into this process, as systemd would after dropping
    privileges, and runs command. Approximates systemd: an allow list of the unit's
    SystemCallFilter= lines (the first one an allow list, later ~ lines taking calls away), other
    calls failing with SystemCallErrorNumber=; MemoryDenyWriteExecute= as mmap/mprotect rules;
    RestrictAddressFamilies= as a rule on socket()'s first argument."""
    import seccomp  # Debian's python3-seccomp

    settings = unit_settings(unit_file)
    allowed = set()
    for line in settings.get("SystemCallFilter", []):
        deny = line.startswith("~")
        calls = set().union(*(syscall_group(name) for name in line.lstrip("~").split()))
        allowed = allowed - calls if deny else allowed | calls
    error = getattr(errno, settings.get("SystemCallErrorNumber", ["EPERM"])[-1])
    no_wx = settings.get("MemoryDenyWriteExecute", ["no"])[-1] in ("yes", "true", "1")
    memory_calls = {"mmap", "mprotect", "pkey_mprotect"} if no_wx else set()
    families = settings.get("RestrictAddressFamilies", [""])[-1].split()
    socket_calls = {"socket"} if families else set()
    rules = seccomp.SyscallFilter(seccomp.ERRNO(error))
    for family in families:  # RestrictAddressFamilies=: socket() for these families only
        rules.add_rule(seccomp.ALLOW, "socket",
                       seccomp.Arg(0, seccomp.EQ, int(getattr(socket, family))))
    for call in sorted(allowed - memory_calls - socket_calls):
        try:
            rules.add_rule(seccomp.ALLOW, call)
        except (RuntimeError, ValueError):
            pass  # not a system call on this architecture
    if no_wx:
        write, execute = 0x2, 0x4  # PROT_WRITE, PROT_EXEC
        both = write | execute
        for value in (0, write, execute):  # mmap: never writable and executable at once
            rules.add_rule(seccomp.ALLOW, "mmap", seccomp.Arg(2, seccomp.MASKED_EQ, both, value))
        for call in ("mprotect", "pkey_mprotect"):  # nothing made executable later
            rules.add_rule(seccomp.ALLOW, call,
                           seccomp.Arg(2, seccomp.MASKED_EQ, execute, 0))
    rules.load()
    os.execv(command[0], command)


def seccomp_available():
    return subprocess.run(["/usr/bin/python3", "-c", "import seccomp"],
                          capture_output=True).returncode == 0


def plain_login(port, nick):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            return register(sock, nick, "Package check")
    except OSError as error:
        return str(error).encode()


def tls_login(port, nick):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the generated certificate is self-signed
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            with context.wrap_socket(raw) as sock:
                return register(sock, nick, "Package check")
    except OSError as error:
        return str(error).encode()


def wait_for_notify(notify, seconds):
    """Datagrams from the service until one holds READY=1 (or the time is up)."""
    notify.settimeout(0.2)
    received = b""
    end = time.time() + seconds
    while b"READY=1" not in received and time.time() < end:
        try:
            received += notify.recv(4096) + b"\n"
        except socket.timeout:
            continue
    return received


def main():
    if len(sys.argv) > 4 and sys.argv[1] == "--seccomp" and sys.argv[3] == "--":
        exec_under_unit_filter(sys.argv[2], sys.argv[4:])
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    unit_file, work_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    settings = unit_settings(unit_file)
    exec_start = settings.get("ExecStart", [""])[-1].lstrip("-@+!:")
    service_type = settings.get("Type", ["simple"])[-1]
    check(exec_start.startswith("/"), f"ExecStart= names an absolute program: {exec_start}")
    check(f"--data-dir={STATE_DIR}" in exec_start, f"ExecStart= passes --data-dir={STATE_DIR}")
    check(settings.get("StateDirectory") == ["confabd"], "StateDirectory=confabd")
    check(settings.get("ExecReload", [""])[-1] == "/bin/kill -HUP $MAINPID",
          "ExecReload= sends SIGHUP")
    if failures:
        return 1

    # What systemd would set up: the state directory owned by the service's user, 0700.
    state = os.path.join(work_dir, "state")
    os.makedirs(state, mode=0o700, exist_ok=True)
    os.chmod(work_dir, 0o755)
    as_root = os.geteuid() == 0
    if as_root:
        nobody = pwd.getpwnam("nobody")
        os.chown(state, nobody.pw_uid, nobody.pw_gid)

    notify_path = os.path.join(work_dir, "notify")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(notify_path)
    os.chmod(notify_path, 0o777)

    port, tls_port = free_port(), free_port()
    command = shlex.split(exec_start.replace(STATE_DIR, state))
    command += [f"--port={port}", f"--tls-port={tls_port}", "--files-port=0"]
    if seccomp_available():
        # A copy nobody can read, wherever the repository is.
        helper = os.path.join(work_dir, "bin")
        os.makedirs(helper, exist_ok=True)
        here = os.path.dirname(os.path.abspath(__file__))
        for name in (os.path.basename(__file__), "interopcheck.py"):
            shutil.copy(os.path.join(here, name), helper)
        os.chmod(helper, 0o755)
        command = ["/usr/bin/python3", os.path.join(helper, os.path.basename(__file__)),
                   "--seccomp", os.path.abspath(unit_file), "--"] + command
    else:
        print("python3-seccomp missing: SystemCallFilter= not applied", flush=True)
    if as_root:
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                   "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"] + command
    print("starting: " + shlex.join(command), flush=True)

    # stderr is "the journal": a pipe whose device and inode JOURNAL_STREAM names.
    log_read, log_write = os.pipe()
    log_status = os.fstat(log_write)
    environment = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "JOURNAL_STREAM": f"{log_status.st_dev}:{log_status.st_ino}",
    }
    if service_type == "notify":
        environment["NOTIFY_SOCKET"] = notify_path
    daemon = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL,
                              stdout=log_write, stderr=log_write, cwd="/")
    os.close(log_write)
    try:
        if service_type == "notify":
            received = wait_for_notify(notify, 30)
            check(b"READY=1" in received, f"READY=1 on NOTIFY_SOCKET (got {received!r})")
        else:
            time.sleep(2)
        check(daemon.poll() is None, "confabd is running")
        reply = plain_login(port, "pkgplain")
        check(b" 001 pkgplain " in reply, f"plain-text client registered (001) on port {port}")
        reply = tls_login(tls_port, "pkgtls")
        check(b" 001 pkgtls " in reply, f"TLS client registered (001) on port {tls_port}")
        daemon.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        reply = plain_login(port, "pkgreload")
        check(daemon.poll() is None and b" 001 pkgreload " in reply,
              "after SIGHUP (ExecReload=) it still serves")
        daemon.send_signal(signal.SIGTERM)
        try:
            status = daemon.wait(timeout=15)
        except subprocess.TimeoutExpired:
            status = None
        check(status == 0, f"SIGTERM ends it with status 0 (got {status})")
        if service_type == "notify":
            stopping = wait_for_notify(notify, 0.5)
            check(b"STOPPING=1" in stopping, "STOPPING=1 on NOTIFY_SOCKET")
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        notify.close()

    with os.fdopen(log_read, encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    print("\n".join("  log: " + line for line in lines[:12]))
    check(bool(lines) and all(re.match(r"<[0-7]>confab\.", line) for line in lines),
          "every log line has a syslog priority and a category, no time stamp (journal)")
    check(any(line.startswith("<6>confab.server: listening") for line in lines),
          "the journal gets the info line about listening")
    check(os.path.isfile(os.path.join(state, "tls", "confabd-cert.pem")),
          "a TLS certificate was generated in the state directory")
    database = os.path.join(state, "confabd.sqlite")
    check(os.path.isfile(database), "the database was created in the state directory")
    if as_root and os.path.isfile(database):
        check(os.stat(database).st_uid == pwd.getpwnam("nobody").pw_uid,
              "the database belongs to the service's user, not root")
    shutil.rmtree(state, ignore_errors=True)

    if failures:
        print(f"package-service-check: {len(failures)} check(s) failed")
        return 1
    print("package-service-check: the installed service works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
