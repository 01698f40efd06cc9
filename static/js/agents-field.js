// The agent staff's phone page. Counts have +/- steppers. The form is sent in the background so
// that a lost connection leaves the page as it was: tapping Save again resends the same form, with
// the same key, and the server records it once (the key is unique in the database).
(function () {
  document.querySelectorAll(".step").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.dataset.for);
      input.value = Math.max(0, (parseInt(input.value, 10) || 0) + parseInt(button.dataset.step, 10));
    });
  });
  // Named enrollees: each "Add a person" copies the empty row and renumbers it as the next form.
  var add = document.getElementById("add-enrollee");
  if (add) {
    add.addEventListener("click", function () {
      var total = document.getElementById("id_enrollee-TOTAL_FORMS");
      var index = parseInt(total.value, 10);
      var html = document.getElementById("enrollee-template").innerHTML.replace(/__prefix__/g, index);
      var rows = document.getElementById("enrollee-rows");
      rows.insertAdjacentHTML("beforeend", html);
      total.value = index + 1;
      var name = document.getElementById("id_enrollee-" + index + "-full_name");
      if (name) name.focus();
    });
  }
  var form = document.getElementById("result-form");
  if (!form || !window.fetch) return;
  var save = document.getElementById("save-result");
  var status = document.getElementById("send-status");
  var sending = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    sending = true;
    save.disabled = true;
    status.textContent = status.dataset.sending;
    fetch(window.location.pathname, {method: "POST", body: new FormData(form), credentials: "same-origin"})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        document.open();
        document.write(html);
        document.close();
        // The confirmation and today's figures come into view, not the middle of an empty form.
        var today = document.getElementById("today");
        if (today) today.scrollIntoView();
      })
      .catch(function () {
        sending = false;
        save.disabled = false;
        status.textContent = status.dataset.offline;
        status.classList.add("error");
      });
  });
})();
