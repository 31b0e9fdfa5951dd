<script>
// Streamlit collapses the sidebar by itself only up to 768 px; a tablet would lose 320 px of its
// width to it (820 in portrait; 1180 in landscape, where the four cards would shrink to 160 px).
// Below 1200 px fold it once, unless the reader has already opened or closed it in this browser
// (Streamlit keeps that choice under stSidebarCollapsed-*). Laptops (1366 px and up) keep it open.
(() => {
  const chosen = Object.keys(localStorage).some((key) => key.startsWith("stSidebarCollapsed-"));
  if (window.innerWidth >= 1200 || chosen) return;
  const fold = (tries) => {
    const button = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (button && button.getAttribute("aria-expanded") === "true") button.click();
    else if (tries > 0) setTimeout(() => fold(tries - 1), 50);
  };
  fold(100);
})();
</script>
