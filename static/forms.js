/* Rejected forms: the banner at the top (#form-errors, rendered by
 * layout/top.cs) names each bad field by its label, and the page opens at
 * the first bad field, its <details> unfolded, the control focused.
 * Forms with data-confirm ask before they are sent. The pages work the
 * same without this file, with the messages at the fields. */
(function () {
  "use strict";

  function labelOf(name) {
    /* A group of choices (or a card) is named by its legend or heading. */
    var label = document.querySelector('label[for="f-' + name + '"]') ||
      document.querySelector("#f-" + name + " > legend, #f-" + name + " > h2");
    if (!label) return "";
    var clone = label.cloneNode(true);
    var marks = clone.querySelectorAll(".req");
    for (var i = 0; i < marks.length; i++) marks[i].remove();
    return clone.textContent.trim();
  }

  function reveal(control) {
    for (var el = control; el; el = el.parentElement)
      if (el.tagName === "DETAILS") el.open = true;
    control.scrollIntoView({ block: "center" });
    control.focus({ preventScroll: true });
  }

  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var banner = document.getElementById("form-errors");
  if (banner) {
    var links = banner.querySelectorAll("a[data-field]");
    for (var i = 0; i < links.length; i++) {
      var name = links[i].getAttribute("data-field"), label = labelOf(name);
      if (label) links[i].textContent = label + (zh ? "：" : ": ") + links[i].textContent;
      links[i].addEventListener("click", function (e) {
        var control = document.getElementById("f-" + this.getAttribute("data-field"));
        if (!control) return;
        e.preventDefault();
        reveal(control);
      });
    }
    var first = document.querySelector(".invalid [aria-invalid], .invalid input, .invalid select, .invalid textarea");
    if (first) reveal(first);
  }

  var confirming = document.querySelectorAll("form[data-confirm]");
  for (var j = 0; j < confirming.length; j++) {
    confirming[j].addEventListener("submit", function (e) {
      if (!window.confirm(this.getAttribute("data-confirm"))) e.preventDefault();
    });
  }
})();
