"""What the interop scripts (scripts/interop-*.py) share: recording checks, and free ports for the
confabd they start. Standard library only."""
import socket

failures = []


def check(condition, what):
    """Prints the check's outcome and remembers a failure."""
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
