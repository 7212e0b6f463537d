// The issue view: the fact an evidence link points at (#at-BEGIN-END) is marked and scrolled to.
"use strict";
function focusFact() {
  const m = /^#at-(\d+)-(\d+)$/.exec(location.hash);
  document.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
  if (!m) return;
  const begin = Number(m[1]), end = Number(m[2]);
  let first = null;
  document.querySelectorAll(".issue-text [data-begin]").forEach((n) => {
    const b = Number(n.dataset.begin);
    const e = Number(n.dataset.end);  // code points, as the offsets are
    if (b < end && e > begin) {
      n.classList.add("focus");
      first = first || n;
    }
  });
  if (first) first.scrollIntoView({ block: "center" });
}
window.addEventListener("hashchange", focusFact);
focusFact();
