#!/usr/bin/env python3
"""A Python 3 rendering of the seed's UDP chat client, logic unchanged: it sends each line the
user types as one UTF-8 datagram to the server, sends "#ping#" every 5 seconds as a heartbeat
from a second thread, and prints every datagram it receives (read with a 1024-byte buffer and
decoded as UTF-8) from a third. It knows nothing of Confab: udp_room_test.py drives it against
confabd --udp-room to show that the original client works unchanged.

Usage: udp_room_client.py HOST PORT    (lines from standard input are sent; Ctrl-D ends)
Uses only the Python standard library.
"""
import socket
import sys
import threading

HEARTBEAT = "#ping#"
HEARTBEAT_INTERVAL = 5.0  # seconds; the server forgets a client silent for more than 10
BUFFER_SIZE = 1024        # what the original reads of a datagram


class UdpRoomClient:
    def __init__(self, host, port, on_receive=print, heartbeat_interval=HEARTBEAT_INTERVAL):
        self.server = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        # Bound at once (the original binds on its first sendto) so that the port is known.
        self.sock.bind(("0.0.0.0", 0))
        # The original blocks in recvfrom forever; a timeout lets stop() end the thread.
        self.sock.settimeout(0.2)
        self.on_receive = on_receive
        self.heartbeat_interval = heartbeat_interval
        self.stopped = threading.Event()
        self.threads = [threading.Thread(target=self._heartbeat, daemon=True),
                        threading.Thread(target=self._receive, daemon=True)]

    @property
    def port(self):
        return self.sock.getsockname()[1]

    def start(self):
        for thread in self.threads:
            thread.start()

    def send(self, text):
        self.sock.sendto(text.encode("utf-8"), self.server)

    def stop(self):
        """The user closes the client: no more heartbeats, nothing more received."""
        self.stopped.set()
        for thread in self.threads:
            thread.join()
        self.sock.close()

    def _heartbeat(self):
        while not self.stopped.is_set():
            self.send(HEARTBEAT)
            self.stopped.wait(self.heartbeat_interval)

    def _receive(self):
        while not self.stopped.is_set():
            try:
                data, _ = self.sock.recvfrom(BUFFER_SIZE)
            except socket.timeout:
                continue
            except OSError:
                break
            # As the original: a datagram that is not UTF-8 ends the receiving thread.
            self.on_receive(data.decode("utf-8"))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    client = UdpRoomClient(sys.argv[1], int(sys.argv[2]))
    client.start()
    try:
        for line in sys.stdin:
            client.send(line.rstrip("\n"))
    except KeyboardInterrupt:
        pass
    client.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
