"""Rebuild benchmark of `etalase serve`: appends a sentence to one press release, N times, and
measures (a) the rebuild time the server reports and (b) the time from the save to the reload
event a connected client receives. Prints medians.

Usage: python3 bench/serve.py <etalase binary> <site folder> [edits]
"""
import http.client
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time


def main():
    binary, site = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    server = subprocess.Popen(
        [binary, "serve", "--root", site, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in server.stdout], daemon=True).start()
    full_build = None
    while True:
        line = lines.get(timeout=600)
        match = re.match(r"Built (\d+) pages in (\d+) ms", line)
        if match:
            full_build = int(match.group(2))
        if line.startswith("Serving the site at "):
            address = line.split()[4].removeprefix("http://").rstrip("/")
            break
    host, port = address.split(":")
    events = queue.Queue()

    def listen():
        conn = http.client.HTTPConnection(host, int(port))
        conn.request("GET", "/__etalase/events")
        response = conn.getresponse()
        while True:
            raw = response.fp.readline()
            if not raw:
                return
            if raw.startswith(b"event: reload"):
                events.put(time.perf_counter())

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(1)
    news = os.path.join(site, "content", "news")
    story = os.path.join(news, sorted(f for f in os.listdir(news) if f.endswith(".id.md"))[len(os.listdir(news)) // 4])
    reported, round_trips = [], []
    try:
        for i in range(edits):
            while not lines.empty():
                lines.get_nowait()
            with open(story, "a", encoding="utf-8") as f:
                saved = time.perf_counter()
                f.write(f"\nKalimat tambahan nomor {i}.\n")
            round_trips.append((events.get(timeout=60) - saved) * 1000)
            while True:
                match = re.match(r"Rebuilt in (\d+) ms", lines.get(timeout=60))
                if match:
                    reported.append(int(match.group(1)))
                    break
            time.sleep(0.3)
    finally:
        server.terminate()
        server.wait()
    print(
        f"serve on {site}: full build {full_build} ms; after appending a sentence to one story "
        f"({edits} edits): rebuild median {statistics.median(reported):.0f} ms "
        f"(min {min(reported)}, max {max(reported)}), save-to-reload-event median "
        f"{statistics.median(round_trips):.0f} ms (min {min(round_trips):.0f}, max {max(round_trips):.0f})"
    )


if __name__ == "__main__":
    main()
