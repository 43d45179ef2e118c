// Remembers the light/dark choice for a year; the server reads it to render the right theme from the first byte.
window.conflictForum = {
  rememberTheme(theme) {
    document.cookie = `cf-theme=${theme === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", theme);
  },
};
