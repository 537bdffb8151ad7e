// Keyboard shortcuts for the review queue: j/k move, a accept, r reject, / reason.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("article.proposal"));
  if (!items.length) { return; }
  var index = 0;
  function focus(i) {
    if (i < 0 || i >= items.length) { return; }
    items[index].classList.remove("current");
    index = i;
    items[index].classList.add("current");
    items[index].focus({ preventScroll: true });
    items[index].scrollIntoView({ block: "nearest" });
  }
  function submit(kind) {
    var button = items[index].querySelector("button." + kind);
    if (!button) { return; }
    if (kind === "reject") {
      var reason = items[index].querySelector("input.reason");
      if (reason && !reason.value && !window.confirm("Reject without a reason? It will be recorded as \"not the same person\".")) { return; }
    }
    button.click();
  }
  items[0].classList.add("current");
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.ctrlKey || event.metaKey || event.altKey) {
      if (event.key === "Escape" && event.target.blur) { event.target.blur(); }
      return;
    }
    if (event.key === "j") { focus(index + 1); }
    else if (event.key === "k") { focus(index - 1); }
    else if (event.key === "a") { submit("accept"); }
    else if (event.key === "r") { submit("reject"); }
    else if (event.key === "/") {
      var field = items[index].querySelector("input.reason");
      if (field) { event.preventDefault(); field.focus(); }
    } else { return; }
  });
}());
