// The site's own script: theme toggle, timeline charts drawn from their inert figure data with the local plotly.js,
// menus folded on small screens, and pagefind search when the site is served. No script from a notebook runs.
(function () {
  'use strict';

  var siteRoot = new URL('..', document.currentScript.src);
  var root = document.documentElement;
  var systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  var charts = [];

  function theme() {
    return root.getAttribute('data-theme') || (systemDark.matches ? 'dark' : 'light');
  }

  function setUpThemeToggle() {
    var button = document.querySelector('.theme-toggle');
    function show() {
      button.setAttribute('aria-pressed', theme() === 'dark' ? 'true' : 'false');
    }
    button.addEventListener('click', function () {
      var next = theme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { window.localStorage.setItem('lesson-site-theme', next); } catch (e) { /* the choice lasts for this page only */ }
      show();
      charts.forEach(redraw);
    });
    systemDark.addEventListener('change', function () { show(); charts.forEach(redraw); });
    show();
  }

  // Chart colours follow the page's theme; the figure's own colours for bars stay, they carry the meaning. The theme's
  // variables hold light-dark() pairs, so each is resolved by the browser on a probe element.
  function resolved(variable) {
    var probe = document.createElement('span');
    probe.style.color = 'var(' + variable + ')';
    probe.hidden = true;
    document.body.appendChild(probe);
    var color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }

  function themed(figure, narrow) {
    var text = resolved('--text'), background = resolved('--chart-bg'), grid = resolved('--border'), axis = resolved('--muted');
    var layout = JSON.parse(JSON.stringify(figure.layout || {}));
    delete layout.width;
    layout.autosize = true;
    layout.paper_bgcolor = background;
    layout.plot_bgcolor = background;
    layout.font = Object.assign({}, layout.font, { color: text });
    ['xaxis', 'yaxis'].forEach(function (name) {
      layout[name] = Object.assign({}, layout[name], { gridcolor: grid, linecolor: axis });
    });
    var data = JSON.parse(JSON.stringify(figure.data || []));
    data.forEach(function (trace) {
      if (trace.type === 'scatter') {
        trace.textfont = Object.assign({}, trace.textfont, { color: text });
        trace.marker = Object.assign({}, trace.marker, { color: text });
        if (trace.marker.line) { trace.marker.line = Object.assign({}, trace.marker.line, { color: background }); }
      }
    });
    var config = Object.assign({}, figure.config, { responsive: true, displaylogo: false });
    if (narrow) {
      // On a phone the legend wraps to two lines under the title and the tool bar has no room: more space on top, no tool bar.
      var margin = layout.margin || {};
      var extra = 40;
      layout.margin = Object.assign({}, margin, { t: (margin.t || 70) + extra });
      layout.height = (layout.height || 300) + extra;
      layout.title = Object.assign({}, layout.title, { x: 0.03, xref: 'container', xanchor: 'left', y: 1, yref: 'container', yanchor: 'top', pad: { t: 10 }, font: { size: 14 } });
      config.displayModeBar = false;
    }
    return { data: data, layout: layout, config: config };
  }

  function redraw(chart) {
    if (!chart.drawn) { return; }
    var figure = themed(chart.figure, chart.plot.clientWidth < 600);
    window.Plotly.react(chart.plot, figure.data, figure.layout, figure.config);
  }

  function draw(chart) {
    if (chart.drawn || !window.Plotly) { return; }
    chart.drawn = true;
    var figure = themed(chart.figure, chart.plot.clientWidth < 600);
    window.Plotly.newPlot(chart.plot, figure.data, figure.layout, figure.config).then(function () {
      chart.element.classList.add('drawn');
      chart.element.dispatchEvent(new CustomEvent('asynclab:plotted', { detail: chart.plot }));
    });
  }

  function setUpCharts() {
    document.querySelectorAll('figure.chart').forEach(function (element) {
      var data = element.querySelector('script.asynclab-figure');
      var plot = element.querySelector('.chart-plot');
      if (!data || !plot) { return; }
      charts.push({ element: element, plot: plot, figure: JSON.parse(data.textContent).figure, drawn: false });
      // AsyncLab's step-through player (a local copy): it works over the static picture until plotly has drawn.
      if (window.asynclabPlayer) { window.asynclabPlayer(element); }
    });
    if (!charts.length || !window.Plotly) { return; }
    // Charts are drawn as they come near the screen, so a long lesson opens at once.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(charts.find(function (c) { return c.element === entry.target; }));
        }
      });
    }, { rootMargin: '800px 0px' });
    charts.forEach(function (chart) { observer.observe(chart.element); });
  }

  function foldMenusOnSmallScreens() {
    if (window.matchMedia('(max-width: 60rem)').matches) {
      document.querySelectorAll('.lessons-menu, .outline-menu').forEach(function (menu) { menu.removeAttribute('open'); });
    }
  }

  // Pagefind loads its index with fetch and WebAssembly, which browsers refuse to pages opened as files.
  function setUpSearch() {
    var box = document.getElementById('search');
    if (!box) { return; }
    if (window.location.protocol === 'file:') {
      document.querySelector('.search-offline').hidden = false;
      return;
    }
    var style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('pagefind/pagefind-ui.css', siteRoot).href;
    document.head.appendChild(style);
    var script = document.createElement('script');
    script.src = new URL('pagefind/pagefind-ui.js', siteRoot).href;
    script.onload = function () {
      new window.PagefindUI({
        element: '#search',
        baseUrl: siteRoot.pathname,
        showImages: false,
        showSubResults: true,
        resetStyles: false,
        translations: { placeholder: 'Search the lessons' }
      });
    };
    document.head.appendChild(script);
  }

  setUpThemeToggle();
  foldMenusOnSmallScreens();
  setUpCharts();
  setUpSearch();
})();
