/* The layout on narrow screens.
 * - Strips that scroll sideways within themselves (the top menu, the
 *   customer file's tabs, the overview's periods) open with their active
 *   item in view: only the strip scrolls, never the page.
 * - Filter folds (<details class="filter-fold">, folded on a phone unless
 *   a filter is set) are open on wider screens, where the filters fit
 *   beside the list.
 * The pages work without this file: strips start at their first item and
 * folds can be opened by hand. */
(function () {
  "use strict";

  function showActive(strip) {
    var active = strip.querySelector(".active");
    if (!active || strip.scrollWidth <= strip.clientWidth) return;
    var s = strip.getBoundingClientRect(), a = active.getBoundingClientRect();
    /* Centred where there is room, so its neighbours show as well. */
    strip.scrollLeft += (a.left - s.left) - (s.width - a.width) / 2;
  }

  var strips = document.querySelectorAll(".mainnav, .tabs");
  for (var i = 0; i < strips.length; i++) showActive(strips[i]);

  var wide = window.matchMedia("(min-width: 641px)");
  function unfold() {
    if (!wide.matches) return;
    var folds = document.querySelectorAll("details.filter-fold");
    for (var j = 0; j < folds.length; j++) folds[j].open = true;
  }
  unfold();
  if (wide.addEventListener) wide.addEventListener("change", unfold);
})();
