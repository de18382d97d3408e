/* The complaint form (public, and staff's intake form): show the packaging
 * question only for a return or exchange request, and keep a second click from sending the form again while the
 * first is on its way (the server would answer with the same receipt
 * anyway). The page works the same without this file. */
(function () {
  "use strict";
  /* Staff's receipt: the status link in full, as this browser reached the
   * server (the server does not know its public address). The receipt and
   * the handling agreement: a print button (the pages print without it too). */
  var origins = document.querySelectorAll(".page-origin");
  for (var o = 0; o < origins.length; o++) origins[o].textContent = window.location.origin;
  var prints = document.querySelectorAll("[data-print]");
  for (var p = 0; p < prints.length; p++) {
    prints[p].hidden = false;
    prints[p].addEventListener("click", function () { window.print(); });
  }
  var form = document.querySelector("form[data-intake]");
  if (!form) return;
  var onlyReturn = form.querySelectorAll(".return-only");

  function kind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : "";
  }
  function update() {
    var isReturn = kind() === "return" || kind() === "exchange";
    for (var i = 0; i < onlyReturn.length; i++) {
      var invalid = onlyReturn[i].classList.contains("invalid");
      onlyReturn[i].hidden = !isReturn && !invalid;
    }
  }
  form.addEventListener("change", function (e) {
    if (e.target && e.target.name === "kind") update();
  });
  update();

  var button = form.querySelector('button[type="submit"]');
  form.addEventListener("submit", function () {
    if (button) window.setTimeout(function () { button.disabled = true; }, 0);
  });
  /* Back to this page from the receipt: the button works again. */
  window.addEventListener("pageshow", function () {
    if (button) button.disabled = false;
  });
})();
