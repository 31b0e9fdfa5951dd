<script>
// (No angle brackets in this script: st.html parses it as HTML and drops it.)
// Presentation page: the arrow keys, Page Up/Down (a presenter's clicker) and space move between
// slides by clicking the page's own previous/next buttons, so the URL (?slide=N) follows.
// P (or ?present=1 in the link) hides every control so only the slide shows; P or Escape brings
// them back. A class on the body: present.css hides the controls and the focus rings under it.
(() => {
  if (window.__slideKeys) return;
  window.__slideKeys = true;
  const body = document.body;
  if (new URLSearchParams(window.location.search).get("present") === "1") {
    body.classList.add("presenting");
  }
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, [contenteditable], [role=combobox]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const presenting = body.classList.contains("presenting");
    if (["p", "P"].includes(event.key) || (event.key === "Escape" ? presenting : false)) {
      body.classList.toggle("presenting", event.key === "Escape" ? false : !presenting);
      if (document.activeElement) document.activeElement.blur();
      return;
    }
    const next = ["ArrowRight", "PageDown", " "].includes(event.key);
    const back = ["ArrowLeft", "PageUp"].includes(event.key);
    if (!next && !back) return;
    const button = document.querySelector(`.st-key-slide_${next ? "next" : "previous"} button`);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
    button.blur();
  });
  // A click on "Trang sau" leaves no focus ring on the projected slide.
  document.addEventListener("click", (event) => {
    const button = event.target.closest(".st-key-slide_next button, .st-key-slide_previous button");
    if (button) setTimeout(() => button.blur(), 0);
  });
})();
</script>
