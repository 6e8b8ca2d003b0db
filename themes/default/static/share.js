// The share button of product and news pages: the device's share sheet where there is one,
// otherwise the page's address copied to the clipboard. Without JavaScript the button stays
// hidden and the WhatsApp share link beside it does the job.
for (const button of document.querySelectorAll("button[data-share]")) {
  if (!navigator.share && !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const page = { title: button.dataset.title, url: button.dataset.url };
    try {
      if (navigator.share) {
        await navigator.share(page);
      } else {
        await navigator.clipboard.writeText(page.url);
        button.textContent = button.dataset.copied;
      }
    } catch {
      // The reader closed the share sheet, or the clipboard was refused: nothing to undo.
    }
  });
}
