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
  // Each chart's figure is a JSON data block (a script element of type application/json, class
  // chart-data)
  // that the browser does not run; it is parsed when the chart is drawn or filtered, so that a page
  // of hundreds of charts is ready as soon as its HTML is parsed.
  var sources = {};
  function figureOf(id) {
    if (!figures[id]) { figures[id] = JSON.parse(sources[id].textContent); }
    return figures[id];
  }
  function registerCharts() {
    document.querySelectorAll('script.chart-data').forEach(function (el) {
      var id = el.getAttribute('data-chart');
      if (!sources[id] && !figures[id]) { sources[id] = el; order.push(id); }
    });
  }
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
      displayModeBar: 'hover',  // over a chart only: it would cover small charts' titles
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
    var figure = figureOf(id);
    if (filtering()) { filterFigure(figure); }
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

  // Filters (the #filters controls): unticked values per axis. A trace, chart, table row or
  // workload block is shown when none of its axis values is unticked.
  var unticked = {};
  var cellsByKey = {};
  var cellsBySetting = {};

  function matches(filter) {
    if (!filter) { return true; }
    for (var axis in unticked) {
      if (filter[axis] !== undefined && unticked[axis][filter[axis]]) { return false; }
    }
    return true;
  }

  // Sets each filterable trace's visibility; returns whether the chart keeps any of them (a chart
  // with no filterable trace always stays).
  function filterFigure(figure) {
    var filterable = 0, shown = 0;
    figure.data.forEach(function (t) {
      var f = t.meta && t.meta.filter;
      if (!f) { return; }
      filterable++;
      t.visible = matches(f);
      if (t.visible) { shown++; }
    });
    return filterable === 0 || shown > 0;
  }

  function rowFilter(table) {
    var heads = Array.prototype.map.call(table.tHead ? table.tHead.rows[0].cells : [],
      function (th) { return th.textContent.replace(/[▲▼]/g, '').trim(); });
    var w = heads.indexOf('workload'), s = heads.indexOf('setting');
    if (s < 0) { return null; }
    return function (row) {
      var setting = row.cells[s] ? row.cells[s].textContent : '';
      if (w >= 0 && row.cells[w]) {
        var byKey = cellsByKey[row.cells[w].textContent + ' · ' + setting];
        if (byKey) { return byKey; }
      }
      return cellsBySetting[setting] || null;
    };
  }

  // Whether any value is unticked: until one is, nothing needs parsing or hiding.
  var everFiltered = false;
  function filtering() {
    return everFiltered;
  }

  function applyFilters() {
    var total = 0, kept = 0;
    Object.keys(cellsByKey).forEach(function (k) { total++; if (matches(cellsByKey[k])) { kept++; } });
    if (kept < total) { everFiltered = true; }
    var summary = document.getElementById('filter-summary');
    if (summary) { summary.textContent = kept === total ? 'all ' + total + ' settings' : kept + ' of ' + total + ' settings shown'; }
    if (!everFiltered) { return; }
    order.forEach(function (id) {
      var keep = filterFigure(figureOf(id));
      var box = document.getElementById('figure-' + id);
      if (box) { box.hidden = !keep; }
      if (started[id] && keep && typeof Plotly !== 'undefined') {
        started[id].then(function (el) {
          if (el) { Plotly.restyle(el, { visible: figures[id].data.map(function (t) { return t.visible !== false; }) }); }
        });
      }
    });
    document.querySelectorAll('table.data').forEach(function (table) {
      var lookup = rowFilter(table);
      if (!lookup || !table.tBodies[0]) { return; }
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) { row.hidden = !matches(lookup(row)); });
    });
    document.querySelectorAll('[data-workload]').forEach(function (el) {
      el.hidden = !matches({ workload: el.getAttribute('data-workload') });
    });
    document.querySelectorAll('.multiples').forEach(function (block) {
      var any = block.querySelector('figure.chart:not([hidden])');
      block.hidden = !any;
    });
  }

  function readFilters() {
    unticked = {};
    document.querySelectorAll('#filters details[data-filter-axis]').forEach(function (d) {
      var axis = d.getAttribute('data-filter-axis');
      var boxes = d.querySelectorAll('input[type=checkbox]');
      var on = 0;
      unticked[axis] = {};
      boxes.forEach(function (b) { if (b.checked) { on++; } else { unticked[axis][b.value] = true; } });
      d.querySelector('.filter-count').textContent = '(' + on + ' of ' + boxes.length + ')';
    });
    applyFilters();
  }

  window.optbench = {
    chart: function (id, figure) { figures[id] = figure; order.push(id); },
    cells: function (list) {
      list.forEach(function (c) {
        cellsByKey[c.workload + ' · ' + c.setting] = c.filter;
        cellsBySetting[c.setting] = cellsBySetting.hasOwnProperty(c.setting) ? null : c.filter;
      });
    },
    drawAll: drawAll,
    filter: function (axis, values) {
      // For scripts and tests: show only these values of one axis.
      document.querySelectorAll('#filters details[data-filter-axis="' + axis + '"] input').forEach(
        function (b) { b.checked = values.indexOf(b.value) >= 0; });
      readFilters();
    }
  };

  var loaded = new Promise(function (resolve) {
    if (document.readyState === 'complete') { resolve(); } else { window.addEventListener('load', resolve); }
  });

  // A single-file page carries plotly gzip-compressed in base64 (a script element of type
  // application/gzip,
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
    registerCharts();
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
    document.addEventListener('change', function (e) {
      if (e.target.closest && e.target.closest('#filters')) { readFilters(); }
    });
    document.addEventListener('click', function (e) {
      var t = e.target;
      if (t.matches && t.matches('#filters button[data-filter-set]')) {
        var all = t.getAttribute('data-filter-set') === 'all';
        t.closest('details').querySelectorAll('input[type=checkbox]').forEach(function (b) { b.checked = all; });
        readFilters();
      }
    });
    // ?filter=axis:value|value;axis:value opens the page filtered (a link to one comparison).
    var given = /[?&]filter=([^&#]*)/.exec(location.search);
    if (given) {
      decodeURIComponent(given[1].replace(/\+/g, ' ')).split(';').forEach(function (part) {
        var colon = part.indexOf(':');
        if (colon < 0) { return; }
        var axis = part.substring(0, colon), values = part.substring(colon + 1).split('|');
        document.querySelectorAll('#filters details[data-filter-axis="' + axis + '"] input').forEach(
          function (b) { b.checked = values.indexOf(b.value) >= 0; });
      });
    }
    if (document.getElementById('filters')) { readFilters(); }
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
