// The theme follows the system's light or dark preference until the reader picks one with the switch (ThemeToggle; the
// cf-theme cookie, which the server reads). Loaded in <head>, before anything is rendered, so a dark system never flashes
// light; it follows the system as it changes, and after each enhanced navigation (which merges the server's <html>, rendered
// without the class, into the page).
(() => {
  const root = document.documentElement;
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const chosen = () => /(?:^|;\s*)cf-theme=(?:dark|light)(?:;|$)/.test(document.cookie);
  const follow = () => {
    if (chosen()) return;
    const theme = system.matches ? "dark" : "light";
    const other = system.matches ? "light" : "dark";
    root.classList.toggle("cf-dark", system.matches);
    document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", theme);
    // The switch offers the other theme: the server drew it for light, not knowing the system's choice.
    for (const form of document.querySelectorAll("form[data-theme-toggle]")) {
      form.elements.namedItem("theme").value = other;
      for (const button of form.querySelectorAll("button")) {
        button.title = `Switch to ${other} theme`;
        button.setAttribute("aria-label", button.title);
      }
    }
  };
  follow();
  system.addEventListener("change", follow);
  document.addEventListener("DOMContentLoaded", () => {
    follow();
    window.Blazor?.addEventListener("enhancedload", follow);
  });
})();
