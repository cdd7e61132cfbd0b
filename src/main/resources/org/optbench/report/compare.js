/* compare page: the filter. Hides the cell blocks and unchanged rows ([data-cell]) that do not
 * match the text (every word must occur in the cell's label, metrics or verdicts) and the chosen
 * workload, optimizer and clipping, then the workload groups left empty. No library. */
(function () {
  'use strict';
  function apply() {
    var words = document.getElementById('filter-text').value.toLowerCase().split(/\s+/)
      .filter(function (w) { return w.length > 0; });
    var chosen = {};
    Array.prototype.forEach.call(document.querySelectorAll('#filter select[data-axis]'), function (s) {
      chosen[s.getAttribute('data-axis')] = s.value;
    });
    var flagged = 0, flaggedShown = 0;
    Array.prototype.forEach.call(document.querySelectorAll('[data-cell]'), function (el) {
      var match = words.every(function (w) { return el.getAttribute('data-text').indexOf(w) >= 0; });
      Object.keys(chosen).forEach(function (axis) {
        if (chosen[axis] && el.getAttribute('data-' + axis) !== chosen[axis]) { match = false; }
      });
      el.hidden = !match;
      if (el.tagName === 'ARTICLE') { flagged++; if (match) { flaggedShown++; } }
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-group]'), function (g) {
      g.hidden = !g.querySelector('[data-cell]:not([hidden])');
    });
    var filtering = words.length > 0 || Object.keys(chosen).some(function (k) { return chosen[k]; });
    document.getElementById('filter-count').textContent = filtering
      ? 'showing ' + flaggedShown + ' of ' + flagged + ' flagged cells' : flagged + ' flagged cells';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('filter');
    if (!form) { return; }
    // ?filter=WORDS opens the page filtered (a link to one optimizer's cells, say).
    var asked = /[?&]filter=([^&#]*)/.exec(location.search);
    if (asked) { document.getElementById('filter-text').value = decodeURIComponent(asked[1].replace(/\+/g, ' ')); }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    apply();  // a browser may restore the form's values on reload
  });
})();
