/* The payments tab and the statement. The pages work without this file:
 * the statement prints from the browser's menu, and a receipt whose
 * allocations are all left empty is allocated oldest due first by the
 * server. With it:
 * - the statement's print button shows;
 * - the receipt form gets a button that fills the allocation fields
 *   oldest due first from the amount received (to adjust before saving). */
(function () {
  "use strict";
  var print = document.getElementById("statement-print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  var fill = document.getElementById("receipt-fill");
  var form = document.getElementById("form-receipt");
  if (!fill || !form) return;
  fill.hidden = false;
  fill.addEventListener("click", function () {
    var amount = form.querySelector("#f-amount");
    var left = Math.round(parseFloat(amount && amount.value ? amount.value : "0") * 100) || 0;
    var fields = form.querySelectorAll("input[data-owed]");
    for (var i = 0; i < fields.length; i++) {
      var owed = Math.round(parseFloat(fields[i].getAttribute("data-owed")) * 100);
      var take = Math.max(0, Math.min(owed, left));
      fields[i].value = take > 0 ? (take / 100).toFixed(2) : "";
      left -= take;
    }
  });
}());
