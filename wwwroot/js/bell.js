// Keeps the app bar's notification count current for a signed-in member, without a circuit: the bell names the member's
// count stream in data-bell, and each "unread" event carries the count. EventSource reconnects by itself; the link works
// without this script (the count is then as of the page's load).
(() => {
  let source = null;

  const show = count => {
    const bell = document.querySelector("[data-bell]");
    const badge = bell?.querySelector("[data-bell-count]");
    if (!bell || !badge) return;
    const n = Number.parseInt(count, 10) || 0;
    badge.textContent = String(n);
    badge.hidden = n === 0;
    bell.setAttribute("aria-label", n === 0 ? "Notifications: none unread" : `Notifications: ${n} unread`);
  };

  const connect = () => {
    const src = document.querySelector("[data-bell]")?.getAttribute("data-bell");
    if (!src) {
      source?.close();
      source = null;
      return;
    }
    if (source) return;
    source = new EventSource(src);
    source.addEventListener("unread", e => show(e.data));
  };

  connect();
  // Enhanced navigation redraws the layout in place: pick the bell up again (or let it go after signing out).
  document.addEventListener("DOMContentLoaded", connect);
  window.Blazor?.addEventListener?.("enhancedload", connect);
})();
