// Polls an import's progress and reloads the page when it has finished.
(function () {
  var box = document.getElementById("import-job");
  if (!box || box.dataset.finished === "1") return;
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var bar = document.getElementById("job-bar");
        bar.style.width = data.percent + "%";
        bar.textContent = data.percent + "%";
        document.getElementById("job-status").textContent = data.status_label;
        document.getElementById("job-count").textContent = data.processed.toLocaleString("vi-VN") + " / " + data.total.toLocaleString("vi-VN");
        if (data.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();
