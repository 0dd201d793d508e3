"""What the interop scripts (scripts/interop-*.py) share: recording checks, free ports for the
confabd they start, waiting for it to listen, running an IRC client reactor until something
happens, and stopping it. Standard library only."""
import socket
import time

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


def wait_listening(daemon, ports, seconds=10):
    """Whether the daemon (a subprocess.Popen) accepts connections on every port of 127.0.0.1
    within the time; false at once if it exits."""
    deadline = time.time() + seconds
    for port in ports:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.time() > deadline or daemon.poll() is not None:
                    return False
                time.sleep(0.05)
    return True


def read_until(sock, needle, seconds=10.0):
    """The bytes read from the socket until they hold needle, the peer closes, or the time is
    up (whatever was read by then)."""
    sock.settimeout(0.2)
    data = b""
    end = time.time() + seconds
    while needle not in data and time.time() < end:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


def register(sock, nick, realname="Confab check"):
    """Sends NICK/USER and reads until 001 (or the connection ends); then QUIT. Returns what was
    read."""
    sock.sendall(f"NICK {nick}\r\nUSER {nick} 0 * :{realname}\r\n".encode())
    data = read_until(sock, b" 001 ")
    sock.sendall(b"QUIT :done\r\n")
    return data


def wait_for(reactor, condition, seconds):
    """Runs the irc.client reactor until condition() holds (True) or the time is up (False)."""
    end = time.time() + seconds
    while time.time() < end:
        reactor.process_once(0.05)
        if condition():
            return True
    return False


class IrcClient:
    """One connection of the third-party irc.client library, with every event it has seen."""

    def __init__(self, reactor):
        self.events = []
        self.connection = reactor.server()

    def has(self, kind, predicate=lambda e: True):
        return any(e.type == kind and predicate(e) for e in self.events)


class IrcClients:
    """irc.client connections (the module is passed in: python3-irc) to confabd on 127.0.0.1,
    run by one reactor."""

    def __init__(self, irc_client, port):
        reactor_class = getattr(irc_client, "Reactor", None) or irc_client.IRC
        self.reactor = reactor_class()
        self.port = port
        self.clients = []

        def on_any(connection, event):
            for client in self.clients:
                if client.connection is connection:
                    client.events.append(event)
        self.reactor.add_global_handler("all_events", on_any, -10)

    def wait_for(self, condition, seconds=10.0):
        return wait_for(self.reactor, condition, seconds)

    def login(self, nick):
        """A client registered as nick, once it has joined the default room (checked)."""
        client = IrcClient(self.reactor)
        self.clients.append(client)
        client.connection.connect("127.0.0.1", self.port, nick, username=nick, ircname=nick)
        check(self.wait_for(lambda: client.has("endofnames")), nick + " logs in and joins #lobby")
        return client


def stop(daemon):
    """Kills the daemon if it still runs; returns everything it printed (stdout=PIPE)."""
    if daemon.poll() is None:
        daemon.kill()
        daemon.wait()
    return daemon.stdout.read() if daemon.stdout else ""


def summary(output, passed):
    """The exit code once every check has run: 0 after printing passed, or 1 after printing the
    daemon's output and how many checks failed."""
    if not failures:
        print(passed)
        return 0
    print("--- confabd output ---")
    print(output)
    print("%d check(s) failed" % len(failures))
    return 1
