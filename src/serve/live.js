// Live reload for `etalase serve`: reloads the page after each rebuild, swaps stylesheets
// when only CSS changed, and shows build errors over the page until the next good save.
(() => {
  const events = new EventSource("/__etalase/events");
  let overlay = null;
  const show = (message) => {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "etalase-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;border-top:4px solid #e5484d;" +
        "font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    // The excerpt of the file (` 2 | title: …` and the `^` under it) never wraps: it scrolls
    // sideways in its own block, so that the marker stays under its column on a narrow screen.
    overlay.replaceChildren();
    let block = null;
    for (const line of message.split("\n")) {
      const excerpt = /^ *\d* \|/.test(line);
      if (!excerpt) { block = null; overlay.append(line, "\n"); continue; }
      if (!block) {
        block = document.createElement("pre");
        block.className = "etalase-excerpt";
        block.style.cssText = "margin:0;font:inherit;white-space:pre;overflow-x:auto";
        overlay.append(block);
      }
      block.append(line, "\n");
    }
  };
  events.addEventListener("reload", () => location.reload());
  // Stylesheet names carry a hash of their content: take the new names from the page.
  events.addEventListener("css", async () => {
    const response = await fetch(location.href, { cache: "no-store" });
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const next = fresh.querySelectorAll('link[rel="stylesheet"]');
    document.querySelectorAll('link[rel="stylesheet"]').forEach((link, ix) => {
      if (next[ix]) link.href = next[ix].href;
    });
    if (overlay) { overlay.remove(); overlay = null; }
  });
  events.addEventListener("build-error", (event) => show(event.data));
})();
