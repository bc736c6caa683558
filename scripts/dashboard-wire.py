#!/usr/bin/env python3
"""Bytes an idle dashboard moves: a counting TCP proxy in front of a Cascade server, and headless Chromium
holding the dashboard open through it for a while. Prints bytes each way (headers included).

usage: scripts/dashboard-wire.py SERVER_PORT [SECONDS] [TOKEN]
"""
import os, socket, subprocess, sys, tempfile, threading, time

server_port = int(sys.argv[1])
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 300
token = sys.argv[3] if len(sys.argv) > 3 else None
counts = {"up": 0, "down": 0, "connections": 0}
lock = threading.Lock()


def pipe(src, dst, key):
    try:
        while True:
            b = src.recv(65536)
            if not b:
                break
            with lock:
                counts[key] += len(b)
            dst.sendall(b)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(listener):
    while True:
        client, _ = listener.accept()
        upstream = socket.create_connection(("127.0.0.1", server_port))
        with lock:
            counts["connections"] += 1
        threading.Thread(target=pipe, args=(client, upstream, "up"), daemon=True).start()
        threading.Thread(target=pipe, args=(upstream, client, "down"), daemon=True).start()


listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(64)
port = listener.getsockname()[1]
threading.Thread(target=serve, args=(listener,), daemon=True).start()
url = f"http://127.0.0.1:{port}/" + (f"#token={token}" if token else "")
profile = tempfile.mkdtemp(prefix="cascade-wire-")
browser = subprocess.Popen(["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                            "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                            "--window-size=1400,2000", "--remote-debugging-port=0", url],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
marks = []
start = time.time()
try:
    while time.time() - start < seconds:
        time.sleep(5)
        with lock:
            marks.append((round(time.time() - start), counts["down"], counts["up"]))
finally:
    browser.terminate()
    browser.wait()
with lock:
    total = dict(counts)
first_minute = next((m for m in marks if m[0] >= 60), marks[-1])
print(f"{seconds:.0f} s: server->browser {total['down']:,} B, browser->server {total['up']:,} B, "
      f"{total['connections']} connections; first 60 s {first_minute[1] + first_minute[2]:,} B; "
      f"after it {(total['down'] + total['up'] - first_minute[1] - first_minute[2]):,} B")
