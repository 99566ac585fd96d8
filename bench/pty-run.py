#!/usr/bin/env python3
"""Runs one command in a fresh pseudo-terminal (100x30) and prints, as JSON, the milliseconds from
fork to the first appearance of --marker on screen (or to exit), and the command's peak resident
memory (VmHWM) after --keys were typed. Python's pty module gives a terminal without a shell
in between, so the yardstick `node -e 0` is timed as bare as the app."""
import argparse, fcntl, json, os, pty, select, signal, struct, sys, termios, time

ap = argparse.ArgumentParser()
ap.add_argument('--marker', default=None)
ap.add_argument('--keys', default='[]', help='JSON list of strings typed after the marker, one at a time')
ap.add_argument('--settle', type=float, default=0.3, help='seconds between the marker and the first key')
ap.add_argument('--gap', type=float, default=0.25, help='seconds between keys')
ap.add_argument('--hold', type=float, default=0.0, help='seconds to stay after the last key')
ap.add_argument('--timeout', type=float, default=10.0)
ap.add_argument('--probe', default='[]', help='JSON list of keys typed after --keys, each timed to the first output it causes')
ap.add_argument('--screen', action='store_true', help='print the last 3000 bytes written, too')
ap.add_argument('cmd', nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd and a.cmd[0] == '--' else a.cmd

t0 = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))

out = b''
def pump(seconds):
    """Reads what the program writes for up to `seconds`; False once it has exited."""
    global out
    end = time.perf_counter() + seconds
    while True:
        left = end - time.perf_counter()
        if left <= 0:
            return True
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            out += chunk

ms = None
alive = True
while ms is None:
    if time.perf_counter() - t0 > a.timeout:
        break
    r, _, _ = select.select([fd], [], [], 0.5)
    if not r:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        alive = False
        break
    if not chunk:
        alive = False
        break
    out += chunk
    if a.marker and a.marker.encode() in out:
        ms = (time.perf_counter() - t0) * 1000
if a.marker is None:
    ms = (time.perf_counter() - t0) * 1000

result = {'ms': ms}
if ms is not None and alive:
    alive = pump(a.settle)
    for key in json.loads(a.keys):
        if not alive:
            break
        os.write(fd, key.encode())
        alive = pump(a.gap)
    latencies = []
    for key in json.loads(a.probe):
        if not alive:
            break
        alive = pump(0.05)  # past Ink's frame throttle, as a person types
        t = time.perf_counter()
        os.write(fd, key.encode())
        r, _, _ = select.select([fd], [], [], 2)
        if not r:
            break
        latencies.append((time.perf_counter() - t) * 1000)
        try:
            out += os.read(fd, 65536)
        except OSError:
            alive = False
    if latencies:
        result['latencies'] = latencies
    if alive:
        alive = pump(a.hold)
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    result['peakMb'] = int(line.split()[1]) / 1024
    except OSError:
        pass
result['exitedEarly'] = not alive
if a.screen or ms is None or not alive:
    result['tail'] = out[-3000 if a.screen else -300:].decode('utf8', 'replace')
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
print(json.dumps(result))
