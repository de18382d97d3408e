/* Import preview: while the commit's POST is pending (the browser keeps
 * showing this page), poll the job's status and show a progress bar.
 * Without JavaScript the page simply waits for the result. */
(function () {
  "use strict";
  var form = document.getElementById("import-commit");
  if (!form || !window.fetch) return;
  var box = document.getElementById("import-progress");
  var bar = document.getElementById("import-progress-bar");
  var text = document.getElementById("import-progress-text");
  var button = document.getElementById("import-commit-button");
  var url = form.getAttribute("data-status");
  var started = false;

  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && s.total > 0) {
          bar.max = s.total;
          bar.value = s.done;
          text.textContent = s.done + " / " + s.total;
        }
        if (!s || s.state === "running" || s.state === "ready") setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 1500); });
  }

  form.addEventListener("submit", function (e) {
    if (started) { e.preventDefault(); return; }   /* one commit per click */
    started = true;
    box.hidden = false;
    /* disable after the submission has been taken, or it would not be sent */
    setTimeout(function () { button.disabled = true; }, 0);
    setTimeout(poll, 500);
  });
})();
