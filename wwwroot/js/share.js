// The share button of a dispute's page (ShareButton): the system's share sheet where the browser has one, else the link
// copied to the clipboard and said in the status beside the button (a polite live region). One listener for the document,
// so it serves the static reader's page and a member's interactive page alike, with nothing in a circuit.
document.addEventListener("click", async e => {
  const button = e.target instanceof Element ? e.target.closest("button[data-share-url]") : null;
  if (!button) return;
  const url = button.getAttribute("data-share-url");
  const title = button.getAttribute("data-share-title") ?? document.title;
  const status = button.parentElement?.querySelector("[data-share-status]");
  const say = text => {
    if (!status) return;
    status.textContent = text;
    clearTimeout(status.cfShareTimer);
    status.cfShareTimer = setTimeout(() => { status.textContent = ""; }, 6000);
  };
  if (navigator.share) {
    try {
      await navigator.share({ title, url });
      return;
    } catch (error) {
      if (error?.name === "AbortError") return; // the reader closed the share sheet
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    say("Link copied.");
  } catch {
    say(`Copy this link: ${url}`); // no clipboard (an address that is not secure, or refused): the reader copies it
  }
});
