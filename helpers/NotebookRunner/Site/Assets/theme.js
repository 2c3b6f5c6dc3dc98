// Applies the reader's saved theme before the page paints, so a dark choice never flashes light. Without a saved
// choice the page follows the system setting (prefers-color-scheme).
(function () {
  try {
    var saved = window.localStorage.getItem('lesson-site-theme');
    if (saved === 'light' || saved === 'dark') {
      document.documentElement.setAttribute('data-theme', saved);
    }
  } catch (e) {
    // Storage may be unavailable (privacy settings); the system setting applies.
  }
})();
