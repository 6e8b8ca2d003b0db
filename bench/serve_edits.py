"""Edit benchmark of `etalase serve` on a generated site (`gen_corpus DIR N M`).

For each kind of edit a writer makes — a story's body, a story's title, a product's price, a
unit's name, a new story, the stylesheet, the template of plain pages (used by two pages) and
the base template (used by every page) — it saves the file several times and measures:

- the rebuild time the server reports ("Rebuilt in N ms: …") and the pages it rendered;
- the time from the save to the live-reload event (`reload`, or `css` for the stylesheet) that
  a connected page receives.

and prints the median, minimum and maximum of each, next to the targets (a single-file content
or stylesheet edit: rebuild <= 50 ms, save to reload <= 150 ms). Then the peak memory of the
server (VmHWM of /proc/<pid>/status, over the whole run) next to the peak memory of
`etalase build` of the same site (target: serve <= 1.5 x build).

Saves are atomic, as many editors save: the new text is written beside the site and renamed
into place. Between two saves the server is left idle for a moment, so that each save is
measured alone. Every file the benchmark changes is put back at the end.

Usage: python3 bench/serve_edits.py <etalase binary> <site folder> [--reps 5] [--json FILE]
                                    [--only body,title]
"""
import argparse
import http.client
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

# A single-file content or stylesheet edit must be at least this fast (ms).
REBUILD_TARGET = 50
RELOAD_TARGET = 150
RSS_TARGET = 1.5


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("site")
    parser.add_argument("--reps", type=int, default=5, help="saves per kind of edit (default 5)")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--only", help="measure only the edits whose names contain one of these "
                        "comma-separated words (e.g. body,title,CSS)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    bench = Bench(args.binary, site)
    try:
        bench.add_plain_page()
        build = bench.measure_build()
        bench.start_server()
        words = args.only.split(",") if args.only else [""]
        edits = [edit for edit in bench.edits() if any(word in edit[0] for word in words)]
        rows = [bench.measure(edit, args.reps) for edit in edits]
        serve_peak = bench.server_peak_kib()
    finally:
        bench.stop()
        bench.restore()
    report(site, build, bench.initial, rows, serve_peak, args.reps)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"site": site, "build": build, "initial": bench.initial, "rows": rows,
                       "serve_peak_kib": serve_peak}, out, indent=2)


class Bench:
    def __init__(self, binary, site):
        self.binary = binary
        self.site = site
        self.server = None
        self.lines = queue.Queue()
        self.events = queue.Queue()
        self.initial = None
        # The text of every file changed, as it was (None: the file did not exist).
        self.originals = {}

    # The site -----------------------------------------------------------------------------

    def path(self, relative):
        return os.path.join(self.site, relative)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8") as f:
            return f.read()

    def save(self, relative, text):
        """Writes `relative` atomically; returns the moment of the save."""
        target = self.path(relative)
        if relative not in self.originals:
            self.originals[relative] = self.read(relative) if os.path.exists(target) else None
        draft = self.path(".bench-save.tmp")
        with open(draft, "w", encoding="utf-8") as f:
            f.write(text)
        saved = time.perf_counter()
        os.replace(draft, target)
        return saved

    def restore(self):
        for relative, text in self.originals.items():
            if text is None:
                if os.path.exists(self.path(relative)):
                    os.remove(self.path(relative))
            else:
                with open(self.path(relative), "w", encoding="utf-8") as f:
                    f.write(text)

    def add_plain_page(self):
        """A plain page in both languages, for an edit of the template only such pages use
        (the generated site has none). It stays for the build measured next."""
        for lang, title in (("id", "Tentang"), ("en", "About")):
            relative = f"content/pages/tentang.{lang}.md"
            os.makedirs(os.path.dirname(self.path(relative)), exist_ok=True)
            if not os.path.exists(self.path(relative)):
                self.save(relative, f"---\ntitle: {title}\nsummary: {title}.\nslug: tentang\nmenu: 1\n---\n{title}.\n")

    def news_file(self, fraction):
        news = sorted(f for f in os.listdir(self.path("content/news")) if f.endswith(".id.md"))
        return "content/news/" + news[int(len(news) * fraction)]

    # The build ----------------------------------------------------------------------------

    def measure_build(self):
        """One `etalase build` of the site into a temporary folder: its time, pages and peak
        memory. The child is waited for with wait4, whose rusage is that child's alone
        (RUSAGE_CHILDREN would also hold every earlier child's)."""
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryFile("w+") as log:
            started = time.perf_counter()
            child = subprocess.Popen(
                [self.binary, "build", "--root", self.site, "--output", os.path.join(out, "public")],
                stdout=log, stderr=subprocess.STDOUT, text=True,
            )
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            elapsed = time.perf_counter() - started
            log.seek(0)
            output = log.read()
        if child.returncode != 0:
            raise SystemExit(f"the build failed:\n{output}")
        pages = int(re.search(r"Built (\d+) pages", output).group(1))
        return {"ms": round(elapsed * 1000), "pages": pages, "peak_kib": usage.ru_maxrss}

    # The server ---------------------------------------------------------------------------

    def start_server(self):
        self.server = subprocess.Popen(
            [self.binary, "serve", "--root", self.site, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        threading.Thread(target=lambda: [self.lines.put(l) for l in self.server.stdout], daemon=True).start()
        while True:
            line = self.next_line(timeout=1800)
            match = re.match(r"Built (\d+) pages in (\d+) ms", line)
            if match:
                self.initial = {"pages": int(match.group(1)), "ms": int(match.group(2))}
            if line.startswith("Serving the site at "):
                address = line.split()[4].removeprefix("http://").rstrip("/")
                print(f"  first build: server peak {self.server_peak_kib() // 1024} MiB", file=sys.stderr, flush=True)
                break
        host, port = address.split(":")
        subscribed = threading.Event()

        def listen():
            conn = http.client.HTTPConnection(host, int(port))
            conn.request("GET", "/__etalase/events")
            response = conn.getresponse()
            subscribed.set()
            while True:
                raw = response.fp.readline()
                if not raw:
                    return
                if raw.startswith(b"event: "):
                    self.events.put((time.perf_counter(), raw[7:].strip().decode()))

        threading.Thread(target=listen, daemon=True).start()
        if not subscribed.wait(60):
            raise SystemExit("no event stream")

    def next_line(self, timeout):
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise SystemExit(f"the server said nothing for {timeout} s")
        if self.server.poll() is not None:
            raise SystemExit(f"the server stopped: {line}")
        return line.rstrip("\n")

    def server_peak_kib(self):
        with open(f"/proc/{self.server.pid}/status", encoding="utf-8") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return None

    def stop(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            self.server.wait()

    # The edits ----------------------------------------------------------------------------

    def edits(self):
        """Each kind of edit: its name, whether it is a single-file content or stylesheet edit
        (the targets apply), and a function that makes save number i and returns its moment."""
        body = self.news_file(0.25)
        title = self.news_file(0.5)
        product = "content/products/produk-7.yaml"
        unit = "content/units/unit-7.yaml"
        css = "themes/default/static/style.css"
        page = "themes/default/templates/page.html"
        base = "themes/default/templates/base.html"
        texts = {f: self.read(f) for f in (body, title, product, unit, css, page, base)}

        def body_edit(i):
            return self.save(body, texts[body] + f"\nKalimat tambahan nomor {i}.\n")

        def title_edit(i):
            return self.save(title, re.sub(r"(?m)^title: .*$", f"title: Judul baru nomor {i}", texts[title], count=1))

        def price_edit(i):
            return self.save(product, re.sub(r"amount: \d+", f"amount: {123000 + i * 1000}", texts[product], count=1))

        def unit_name_edit(i):
            return self.save(unit, re.sub(r"(?m)^name: .*$", f"name: Lapas Contoh Baru {i}", texts[unit], count=1))

        def new_story(i):
            story = (f"---\ntitle: Berita baru nomor {i}\ndate: 2027-01-{i + 1:02d}\nunit: unit-3\n"
                     f"summary: Ringkasan berita baru {i}.\nprograms: [ac-2]\n---\nIsi berita baru {i}.\n")
            return self.save(f"content/news/2027-01-{i + 1:02d}-berita-baru-{i}.id.md", story)

        def css_edit(i):
            return self.save(css, texts[css] + f"\n.bench-{i}{{color:#{i:06x}}}\n")

        def page_template_edit(i):
            return self.save(page, texts[page].replace('<article class="page">', f'<article class="page" data-bench="{i}">', 1))

        def base_template_edit(i):
            return self.save(base, texts[base].replace('<main id="main" class="wrap">',
                                                       f'<main id="main" class="wrap" data-bench="{i}">', 1))

        return [
            ("body edit", True, body_edit),
            ("title edit", True, title_edit),
            ("product price edit", True, price_edit),
            ("unit name edit", True, unit_name_edit),
            ("new story", True, new_story),
            ("CSS edit", True, css_edit),
            ("template edit (plain pages)", False, page_template_edit),
            ("template edit (every page)", False, base_template_edit),
        ]

    def measure(self, edit, reps):
        name, single, make = edit
        reported, rendered, round_trips, kinds = [], [], [], set()
        for i in range(reps):
            # Leave the server idle, then forget what it said before this save.
            time.sleep(0.5)
            while not self.lines.empty():
                self.lines.get_nowait()
            while not self.events.empty():
                self.events.get_nowait()
            saved = make(i)
            try:
                arrived, kind = self.events.get(timeout=1800)
            except queue.Empty:
                raise SystemExit(f"{name}: no event within 1800 s")
            if kind == "build-error":
                raise SystemExit(f"{name}: the save broke the site:\n" + "\n".join(self.drain_lines()))
            round_trips.append((arrived - saved) * 1000)
            kinds.add(kind)
            while True:
                line = self.next_line(timeout=1800)
                match = re.match(r"Rebuilt in (\d+) ms: (\d+) pages rendered", line)
                if match:
                    reported.append(int(match.group(1)))
                    rendered.append(int(match.group(2)))
                    break
        peak = self.server_peak_kib()
        print(f"  {name}: rebuild {summary(reported)} ms, save to {'/'.join(sorted(kinds))} "
              f"{summary(round_trips)} ms; server peak so far {peak // 1024} MiB", file=sys.stderr, flush=True)
        return {
            "edit": name,
            "single_file": single,
            "event": "/".join(sorted(kinds)),
            "rendered": statistics.median(rendered),
            "rebuild_ms": stats(reported),
            "reload_ms": stats(round_trips),
        }

    def drain_lines(self):
        out = []
        while not self.lines.empty():
            out.append(self.lines.get_nowait().rstrip("\n"))
        return out


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def summary(values):
    return f"{statistics.median(values):.0f} [{min(values):.0f}-{max(values):.0f}]"


def report(site, build, initial, rows, serve_peak, reps):
    print(f"\n`etalase serve` on {site}, {reps} saves per edit (median [min-max], ms)")
    print(f"build: {build['pages']} pages in {build['ms']} ms; the server's first build: "
          f"{initial['pages']} pages in {initial['ms']} ms\n")
    header = ("edit", "event", "pages rendered", "rebuild (server)", "save to reload", "target")
    table = [header]
    for row in rows:
        rebuild, reload = row["rebuild_ms"], row["reload_ms"]
        if row["single_file"]:
            met = rebuild["median"] <= REBUILD_TARGET and reload["median"] <= RELOAD_TARGET
            target = f"<= {REBUILD_TARGET} / {RELOAD_TARGET}: {'met' if met else 'MISSED'}"
        else:
            target = "in proportion to its pages"
        table.append((
            row["edit"], row["event"], f"{row['rendered']:.0f}",
            f"{rebuild['median']:.0f} [{rebuild['min']:.0f}-{rebuild['max']:.0f}]",
            f"{reload['median']:.0f} [{reload['min']:.0f}-{reload['max']:.0f}]",
            target,
        ))
    widths = [max(len(str(r[c])) for r in table) for c in range(len(header))]
    for n, row in enumerate(table):
        print("| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    ratio = serve_peak / build["peak_kib"]
    print(f"\npeak RSS: serve {serve_peak / 1024:.0f} MiB (VmHWM over the run), build "
          f"{build['peak_kib'] / 1024:.0f} MiB; serve/build {ratio:.2f} "
          f"(target <= {RSS_TARGET}: {'met' if ratio <= RSS_TARGET else 'MISSED'})")


if __name__ == "__main__":
    main()
