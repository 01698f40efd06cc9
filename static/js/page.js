// Behaviour shared by every page, kept out of the HTML for the Content-Security-Policy:
// progress bars take their width from data-bar, and selects marked data-autosubmit submit their form.
(function () {
  document.querySelectorAll("[data-bar]").forEach(function (bar) {
    var percent = parseFloat(bar.dataset.bar);
    bar.style.width = (isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent))) + "%";
  });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
