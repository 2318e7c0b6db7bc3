// Small progressive enhancement: after following a timeline bar, move keyboard focus to
// the entry it points at so screen readers announce its sources.  Pages work without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var item = document.getElementById(id);
    if (item && item.classList.contains("entry-item")) {
      item.setAttribute("tabindex", "-1");
      item.focus();
    }
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
});
