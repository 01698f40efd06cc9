// The header's menus are <details>: one open at a time, closed by a click elsewhere or Escape.
(function () {
  var groups = Array.prototype.slice.call(document.querySelectorAll(".topbar details.menu-group"));
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () {
      if (!group.open) return;
      groups.forEach(function (other) { if (other !== group) other.open = false; });
    });
  });
  document.addEventListener("click", function (event) {
    groups.forEach(function (group) { if (!group.contains(event.target)) group.open = false; });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") groups.forEach(function (group) { group.open = false; });
  });
})();
