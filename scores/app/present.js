<script>
// Presentation page: the arrow keys, Page Up/Down (a presenter's clicker) and space move between
// slides by clicking the page's own previous/next buttons, so the URL (?slide=N) follows.
(() => {
  if (window.__slideKeys) return;
  window.__slideKeys = true;
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, [contenteditable], [role=combobox]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = ["ArrowRight", "PageDown", " "].includes(event.key);
    const back = ["ArrowLeft", "PageUp"].includes(event.key);
    if (!next && !back) return;
    const button = document.querySelector(`.st-key-slide_${next ? "next" : "previous"} button`);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  });
})();
</script>
