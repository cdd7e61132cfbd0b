/* optbench report page: error capture, lazy chart drawing, downloads, sortable tables, and the
 * page's own timing of its first screen. No library besides plotly, no network. Errors are written
 * into <pre id="js-errors"> so that a headless browser's DOM dump shows them; each drawn chart gets
 * data-rendered="true". */
(function () {
  'use strict';
  var pending = [];
  function record(message) {
    var pre = document.getElementById('js-errors');
    if (!pre) { pending.push(message); return; }
    pre.hidden = false;
    pre.textContent += message + '\n';
  }
  window.addEventListener('error', function (e) {
    record('error: ' + e.message + ' (' + (e.filename || '') + ':' + (e.lineno || 0) + ')');
  });
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    record('unhandled rejection: ' + (r && r.message ? r.message : r));
  });

  var figures = {};
  var order = [];
  var started = {};
  var drawn = 0;
  var lazy = false;

  function status() {
    var body = document.body;
    body.setAttribute('data-charts', String(order.length));
    body.setAttribute('data-charts-rendered', String(drawn));
    if (drawn === order.length) {
      body.setAttribute('data-all-rendered-ms', String(Math.round(performance.now())));
    }
  }

  function config(id) {
    return {
      displaylogo: false,
      responsive: true,
      displayModeBar: true,
      toImageButtonOptions: { format: 'png', filename: id, scale: 2 },
      modeBarButtonsToAdd: [{
        name: 'Download plot as SVG',
        icon: Plotly.Icons.disk,
        click: function (gd) { Plotly.downloadImage(gd, { format: 'svg', filename: id }); }
      }]
    };
  }

  function draw(id) {
    if (started[id]) { return started[id]; }
    var el = document.getElementById(id);
    var figure = figures[id];
    started[id] = Plotly.newPlot(el, figure.data, figure.layout, config(id)).then(function () {
      el.setAttribute('data-rendered', 'true');
      drawn++;
      status();
      return el;
    }, function (err) { record('chart ' + id + ': ' + err); });
    return started[id];
  }

  function drawAll() { order.forEach(draw); }

  function inViewport(id) {
    var r = document.getElementById(id).getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
  }

  // The charts in the first viewport are drawn first, and the page records how long that took
  // (docs/reports.md, Scale): data-first-screen-ms, from navigation start until the load event has
  // run and those charts are drawn and laid out (reading a position forces the layout; the browser
  // paints it on its next frame).
  function drawFirstScreen() {
    var body = document.body;
    var nav = performance.getEntriesByType('navigation')[0];
    if (nav) { body.setAttribute('data-dom-ready-ms', String(Math.round(nav.domContentLoadedEventEnd))); }
    var visible = typeof Plotly === 'undefined' ? [] : order.filter(inViewport);
    return Promise.all(visible.map(draw)).then(function () {
      body.getBoundingClientRect();
      body.setAttribute('data-first-screen-charts', String(visible.length));
      body.setAttribute('data-first-screen-ms', String(Math.round(performance.now())));
    });
  }

  // The other charts are drawn as they come near the screen (600 px ahead), so that a report of
  // hundreds of charts opens at once and never waits for charts below the fold.
  function drawNearTheScreen() {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target.id); }
      });
    }, { rootMargin: '600px 0px' });
    order.forEach(function (id) {
      if (!started[id]) { observer.observe(document.getElementById(id)); }
    });
  }

  function sortBy(th) {
    var table = th.closest('table');
    var body = table.tBodies[0];
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var cell = row.cells[column];
      var v = cell.getAttribute('data-value');
      if (v !== null) { var n = parseFloat(v); return isNaN(n) ? null : n; }
      return cell.textContent;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === null) { return y === null ? 0 : 1; }  // missing values last either way
      if (y === null) { return -1; }
      var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  window.optbench = {
    chart: function (id, figure) { figures[id] = figure; order.push(id); },
    drawAll: drawAll
  };

  var loaded = new Promise(function (resolve) {
    if (document.readyState === 'complete') { resolve(); } else { window.addEventListener('load', resolve); }
  });

  // A single-file page carries plotly gzip-compressed in base64 (<script type="application/gzip">,
  // which the browser does not run); it is decoded and run here, so the page needs no other file.
  // A page of a shared layout has loaded plotly by its deferred script before DOMContentLoaded.
  function loadPlotly() {
    if (typeof Plotly !== 'undefined') { return Promise.resolve(true); }
    var data = document.getElementById('plotly-gzip-base64');
    if (!data || typeof DecompressionStream === 'undefined') { return Promise.resolve(false); }
    var text = atob(data.textContent);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(function (code) {
      var script = document.createElement('script');
      script.textContent = code;
      document.head.appendChild(script);
      data.textContent = '';
      return typeof Plotly !== 'undefined';
    }, function (err) { record('plotly: ' + err); return false; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    pending.forEach(record);
    pending = [];
    // ?section=<id> shows that section alone (screenshots, embedding one section in a document).
    var only = /[?&]section=([A-Za-z0-9_-]+)/.exec(location.search);
    if (only) {
      Array.prototype.forEach.call(document.querySelectorAll('body > section, body > nav, body > header'),
        function (el) { if (el.id !== only[1]) { el.hidden = true; } });
    }
    status();
    document.addEventListener('click', function (e) {
      var t = e.target;
      if (t.matches && t.matches('table.sortable th')) { sortBy(t); }
      if (t.matches && t.matches('button[data-download]') && typeof Plotly !== 'undefined') {
        var id = t.getAttribute('data-chart');
        draw(id).then(function (el) {
          Plotly.downloadImage(el, { format: t.getAttribute('data-download'), filename: id });
        });
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && e.target.matches && e.target.matches('table.sortable th')) { sortBy(e.target); }
    });
    loadPlotly().then(function (ready) {
      if (!ready) {
        if (order.length > 0) {
          document.getElementById('plotly_missing').hidden = false;
          return;
        }
        // A page without charts (a comparison with nothing to plot) carries no plotly.
        return loaded.then(drawFirstScreen);
      }
      window.addEventListener('beforeprint', drawAll);
      // ?charts=all draws every chart at once (browser tests, printing).
      lazy = !/[?&]charts=all\b/.test(location.search) && 'IntersectionObserver' in window;
      if (!lazy) { drawAll(); }
      loaded.then(drawFirstScreen).then(function () { if (lazy) { drawNearTheScreen(); } });
    });
  });
})();
