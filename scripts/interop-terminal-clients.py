#!/usr/bin/env python3
"""Real terminal IRC clients from Debian against confabd over TLS with SASL: irssi (SASL PLAIN;
irssi 1.4 has no SCRAM) and WeeChat (SASL SCRAM-SHA-256).

Each client connects to confabd's TLS port, pins the server's certificate by the SHA-256
fingerprint confabd logs at start, and logs in to an account made with `confabd account add`.
irssi runs in a private tmux server, WeeChat as weechat-headless. A plain-text observer (Python)
checks what a person would: the client is logged in under its account's name (extended-join and
account-tag show the account), nobody else can take that name, and messages go both ways; and
irssi, back after a private message was sent to its account while it was away, shows that
message with the time it was sent.

Usage: interop-terminal-clients.py /path/to/confabd
(exit 77 when neither irssi+tmux nor weechat-headless is installed)
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from interopcheck import check, failures, free_port

PASSWORD = "irssi-interop-secret"


class Observer:
    def __init__(self, port, nick):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buffer = b""
        self.lines = []
        self.send("CAP LS 302")
        self.send("CAP REQ :extended-join account-tag message-tags")
        self.send("NICK " + nick)
        self.send("USER o 0 * :observer")
        self.send("CAP END")

    def send(self, line):
        self.sock.sendall(line.encode() + b"\r\n")

    def wait_for(self, pattern, seconds=40, since=0):
        """The first line (seen before or arriving, from index since on) matching the regular
        expression."""
        regex = re.compile(pattern)
        end = time.time() + seconds
        index = since
        while True:
            while index < len(self.lines):
                if regex.search(self.lines[index]):
                    return self.lines[index]
                index += 1
            if time.time() > end:
                return None
            self.sock.settimeout(max(0.1, end - time.time()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                return None
            self.buffer += chunk
            while b"\r\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\r\n", 1)
                self.lines.append(line.decode(errors="replace"))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    have_irssi = bool(shutil.which("irssi") and shutil.which("tmux"))
    have_weechat = bool(shutil.which("weechat-headless"))
    if not have_irssi and not have_weechat:
        print("neither irssi+tmux nor weechat-headless is installed: skipped")
        return 77
    confabd = sys.argv[1]
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", LANGUAGE="", TERM="xterm")
    with tempfile.TemporaryDirectory() as scratch:
        data = os.path.join(scratch, "data")
        base = [confabd, "--data-dir", data, "--scram-iterations", "4096"]
        for account in ("ircuser", "wuser"):
            made = subprocess.run(base + ["account", "add", account], input=PASSWORD + "\n",
                                  capture_output=True, text=True, env=env, timeout=30)
            check(made.returncode == 0, "confabd account add " + account)
        plain, tls = free_port(), free_port()
        log_path = os.path.join(scratch, "confabd.log")
        log = open(log_path, "w")
        daemon = subprocess.Popen(base + ["-l", "127.0.0.1", "-p", str(plain), "--tls-port",
                                          str(tls), "--files-port", "0"], stdout=log, stderr=subprocess.STDOUT,
                                  env=env)
        tmux = ["tmux", "-L", "confab-interop-%d" % os.getpid()]
        try:
            fingerprint = None
            deadline = time.time() + 15
            while time.time() < deadline and not fingerprint:
                match = re.search(r"fingerprint: ([0-9A-F:]{95})", open(log_path).read())
                fingerprint = match.group(1) if match else None
                time.sleep(0.1)
            check(fingerprint is not None, "confabd logs its certificate's SHA-256 fingerprint")
            if not fingerprint:
                return 1
            observer = Observer(plain, "observer")
            check(observer.wait_for(r" 366 observer #lobby ") is not None, "observer joined #lobby")
            if have_irssi:
                irssi(tmux, scratch, tls, fingerprint, observer, env)
            else:
                print("irssi or tmux is not installed: the irssi part is skipped")
            if have_weechat:
                weechat(scratch, tls, fingerprint, observer, env)
            else:
                print("weechat-headless is not installed: the WeeChat part is skipped")
        finally:
            subprocess.run(tmux + ["kill-server"], capture_output=True)
            daemon.terminate()
            try:
                daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daemon.kill()
            log.close()
            if failures:
                print(open(log_path).read()[-3000:])
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


def irssi(tmux, scratch, tls, fingerprint, observer, env):
    home = os.path.join(scratch, "irssi")
    os.makedirs(home)
    with open(os.path.join(home, "config"), "w") as config:
        config.write("""servers = (
  { address = "127.0.0.1"; chatnet = "confab"; port = "%d"; use_tls = "yes";
    tls_verify = "no"; tls_pinned_cert = "%s"; autoconnect = "yes"; }
);
chatnets = {
  confab = { type = "IRC"; sasl_mechanism = "PLAIN"; sasl_username = "ircuser";
     sasl_password = "%s"; };
};
settings = {
  core = { real_name = "Irssi User"; user_name = "ircuser"; nick = "ircuser";
    timestamp_format = "%%H:%%M:%%S"; };
  "fe-text" = { show_server_time = "yes"; };
};
""" % (tls, fingerprint, PASSWORD))
    subprocess.run(tmux + ["new-session", "-d", "-x", "200", "-y", "50",
                           "irssi --home=" + home], env=env, check=True)
    joined = observer.wait_for(r"^\S* ?:ircuser!\S+ JOIN #lobby ")
    check(joined is not None, "irssi joined #lobby over TLS")
    check(joined is not None and joined.split(" JOIN #lobby ")[1].startswith("ircuser "),
          "extended-join shows irssi logged in to its account: %s" % joined)
    check("account=ircuser" in (joined or ""), "account-tag on irssi's JOIN")
    observer.send("NICK ircuser")
    check(observer.wait_for(r" 433 observer ircuser ") is not None,
          "nobody else can take the account's name (433)")
    # The channel's window, as a person would switch to it.
    subprocess.run(tmux + ["send-keys", "/window goto #lobby", "Enter"])
    observer.send("PRIVMSG #lobby :hello irssi from the observer")
    time.sleep(1)
    seen = False
    for _ in range(40):
        pane = subprocess.run(tmux + ["capture-pane", "-p", "-S", "-200"],
                              capture_output=True, text=True).stdout
        if "hello irssi from the observer" in pane:
            seen = True
            break
        time.sleep(0.5)
    check(seen, "irssi shows the observer's message")
    subprocess.run(tmux + ["send-keys", "hello observer from irssi", "Enter"])
    reply = observer.wait_for(r":ircuser!\S+ PRIVMSG #lobby :hello observer from irssi")
    check(reply is not None, "the observer receives irssi's message")
    check("account=ircuser" in (reply or ""), "with irssi's account tag")
    subprocess.run(tmux + ["send-keys", "/quit interop done", "Enter"])
    check(observer.wait_for(r":ircuser!\S+ QUIT ") is not None, "irssi quits cleanly")

    # Offline delivery: a private message to the account while irssi is away is kept (301 to
    # the sender), and shown by irssi when it comes back, with the time it was sent.
    observer.send("PRIVMSG ircuser :kept while you were away")
    sent_at = time.time()
    offline = observer.wait_for(r" 301 observer ircuser :Offline")
    check(offline is not None, "the sender is told the account is offline (301)")
    time.sleep(3)  # irssi must show the time it was sent, not the time it arrives
    subprocess.run(tmux + ["kill-server"], capture_output=True)
    back = len(observer.lines)
    subprocess.run(tmux + ["new-session", "-d", "-x", "200", "-y", "50",
                           "irssi --home=" + home], env=env, check=True)
    check(observer.wait_for(r"^\S* ?:ircuser!\S+ JOIN #lobby ", since=back) is not None,
          "irssi is back")
    stamps = {time.strftime("%H:%M:%S", time.localtime(sent_at + d)) for d in (-1, 0, 1)}
    shown = None
    for _ in range(40):
        subprocess.run(tmux + ["send-keys", "/window goto observer", "Enter"])
        pane = subprocess.run(tmux + ["capture-pane", "-p", "-S", "-200"],
                              capture_output=True, text=True).stdout
        shown = next((line for line in pane.splitlines()
                      if "kept while you were away" in line), None)
        if shown:
            break
        time.sleep(0.5)
    check(shown is not None, "irssi shows the private message sent while it was away")
    check(shown is not None and any(shown.lstrip().startswith(t) for t in stamps),
          "with the time it was sent (%s): %r" % (sorted(stamps), shown))
    again = len(observer.lines)
    subprocess.run(tmux + ["send-keys", "/quit interop done", "Enter"])
    check(observer.wait_for(r":ircuser!\S+ QUIT ", seconds=20, since=again) is not None,
          "irssi quits cleanly again")


def weechat(scratch, tls, fingerprint, observer, env):
    home = os.path.join(scratch, "weechat")
    pinned = fingerprint.replace(":", "").lower()
    commands = ";".join([
        "/set logger.file.flush_delay 0",
        "/set irc.server_default.nicks wuser",
        "/server add confab 127.0.0.1/%d -ssl" % tls,
        "/set irc.server.confab.ssl_fingerprint " + pinned,
        "/set irc.server.confab.sasl_mechanism scram-sha-256",
        "/set irc.server.confab.sasl_username wuser",
        "/set irc.server.confab.sasl_password " + PASSWORD,
        "/set irc.server.confab.autojoin #lobby",
        "/connect confab",
    ])
    client = subprocess.Popen(["weechat-headless", "--dir", home, "-r", commands],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=env)
    try:
        joined = observer.wait_for(r"^\S* ?:wuser!\S+ JOIN #lobby ")
        check(joined is not None, "WeeChat joined #lobby over TLS")
        check(joined is not None and joined.split(" JOIN #lobby ")[1].startswith("wuser "),
              "extended-join shows WeeChat logged in with SCRAM-SHA-256: %s" % joined)
        observer.send("PRIVMSG #lobby :hello weechat from the observer")
        log_file = os.path.join(home, "logs", "irc.confab.#lobby.weechatlog")
        seen = False
        for _ in range(40):
            if os.path.exists(log_file) and "hello weechat from the observer" in open(
                    log_file, errors="replace").read():
                seen = True
                break
            time.sleep(0.5)
        check(seen, "WeeChat received the observer's message (its channel log)")
    finally:
        client.terminate()
        try:
            client.wait(timeout=10)
        except subprocess.TimeoutExpired:
            client.kill()
    check(observer.wait_for(r":wuser!\S+ QUIT ") is not None, "WeeChat's connection ended")


if __name__ == "__main__":
    sys.exit(main())
