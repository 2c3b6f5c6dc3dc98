/*
 * AsyncLab timeline player: asynclabPlayer(element) adds play, pause, step, a scrubber and a speed to one chart.
 * `element` is the chart's div.asynclab-timeline, or the inert JSON element script.asynclab-figure inside it.
 * It reads the figure's "player" data, draws its marks in an overlay above whichever picture is visible (the static SVG,
 * or the plotly figure once that has drawn and fired 'asynclab:plotted'), and needs nothing else: no library, no CSS.
 * Keyboard: Space or K play/pause, Right or L next, Left or J back, Home first, End last.
 */
window.asynclabPlayer = window.asynclabPlayer || function asynclabPlayer(element) {
  'use strict';
  var root = element.closest ? (element.closest('.asynclab-timeline') || element.parentElement) : element;
  if (!root || root.getAttribute('data-asynclab-player')) { return; }
  var source = root.querySelector('script.asynclab-figure');
  if (!source) { return; }
  var data = JSON.parse(source.textContent).player;
  if (!data || !data.steps || data.steps.length === 0) { return; }
  root.setAttribute('data-asynclab-player', 'ready');

  var SVG = 'http://www.w3.org/2000/svg';
  var WAITING = 1, BLOCKED = 2, QUEUED = 3;
  var g = data.geometry, rows = data.rows, bars = data.bars, steps = data.steps;
  var speeds = [0.25, 0.5, 1, 2, 4];
  var state = { index: 0, speed: 1, timer: null, plot: null };

  function el(tag, attributes, text) {
    var node = tag.indexOf('svg:') === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (var name in attributes) { node.setAttribute(name, attributes[name]); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Controls: real buttons, a range input and a select, so the keyboard and screen readers work without extra code.
  var bar = el('div', { 'class': 'asynclab-player', role: 'toolbar', tabindex: '0', 'aria-label': 'Step through the timeline',
    style: 'display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0 2px 12px;font:13px system-ui,sans-serif;color:#1f2328' });
  function button(name, label, title) {
    var b = el('button', { type: 'button', 'class': 'asynclab-' + name, 'aria-label': title, title: title,
      style: 'min-width:34px;height:28px;border:1px solid #8c959f;border-radius:4px;background:#f6f8fa;color:#1f2328;cursor:pointer;font:inherit' }, label);
    bar.appendChild(b);
    return b;
  }
  var first = button('first', '|\u25C0', 'First step (Home)');
  var back = button('back', '\u25C0', 'Step back (Left)');
  var play = button('play', '\u25B6 play', 'Play or pause (Space)');
  var next = button('next', '\u25B6', 'Next step (Right)');
  var last = button('last', '\u25B6|', 'Last step (End)');
  var scrub = el('input', { type: 'range', min: '0', max: String(steps.length - 1), value: '0', step: '1',
    'class': 'asynclab-scrubber', 'aria-label': 'Step', style: 'flex:1;min-width:120px;max-width:420px' });
  bar.appendChild(scrub);
  var counter = el('span', { 'class': 'asynclab-counter', style: 'min-width:90px;color:#57606a' });
  bar.appendChild(counter);
  var speed = el('select', { 'class': 'asynclab-speed', 'aria-label': 'Speed', style: 'height:28px;font:inherit' });
  speeds.forEach(function (s) {
    var option = el('option', { value: String(s) }, s + '\u00D7');
    if (s === 1) { option.selected = true; }
    speed.appendChild(option);
  });
  bar.appendChild(speed);
  var caption = el('div', { 'class': 'asynclab-caption', role: 'status', 'aria-live': 'polite',
    style: 'margin:2px 0 8px 12px;min-height:20px;font:600 14px system-ui,sans-serif;color:#1f2328' });
  root.appendChild(bar);
  root.appendChild(caption);

  var overlay = el('svg:svg', { 'class': 'asynclab-overlay', width: String(g.width), height: String(g.height),
    style: 'position:absolute;left:0;top:0;pointer-events:none;overflow:visible' });
  root.appendChild(overlay);

  function picture() {
    var plot = root.querySelector('.asynclab-timeline-plot');
    return state.plot && plot ? plot : root.querySelector('.asynclab-timeline-static');
  }
  function x(ms) {
    if (state.plot && state.plot._fullLayout && state.plot._fullLayout.xaxis) {
      var layout = state.plot._fullLayout;
      return layout._size.l + layout.xaxis.l2p(g.seconds ? ms / 1000 : ms);
    }
    return g.plotLeft + (g.plotRight - g.plotLeft) * ms / g.endMs;
  }
  function rowTop(row) { return g.plotTop + rows[row][0] * g.rowHeight; }
  function barTop(row) { return rowTop(row) + g.barOffset; }

  function render() {
    var step = steps[state.index];
    var holder = picture();
    overlay.style.left = holder.offsetLeft + 'px';
    overlay.style.top = holder.offsetTop + 'px';
    while (overlay.firstChild) { overlay.removeChild(overlay.firstChild); }
    var t = step.t, panelRows = [];
    for (var r = 0; r < rows.length; r++) { if (rows[r][1] === step.p) { panelRows.push(r); } }
    var top = rowTop(panelRows[0]), bottom = rowTop(panelRows[panelRows.length - 1]) + g.rowHeight;
    // What every lane of this run is doing at t: waiting and queued lanes get a band and a word, running ones an outline.
    for (var i = 0; i < bars.length; i++) {
      var b = bars[i];
      if (rows[b[0]][1] !== step.p || b[1] > t || b[2] <= t || i === step.bar) { continue; }
      if (b[3] === WAITING || b[3] === QUEUED) {
        overlay.appendChild(el('svg:rect', { 'class': 'asynclab-lane-' + (b[3] === WAITING ? 'waiting' : 'queued'),
          x: String(g.plotLeft), y: String(rowTop(b[0])), width: String(g.plotRight - g.plotLeft), height: String(g.rowHeight),
          fill: b[3] === WAITING ? '#6f9fcf' : '#e0a100', 'fill-opacity': '0.16' }));
        overlay.appendChild(el('svg:text', { x: String(x(t) + 6), y: String(rowTop(b[0]) + 11), 'font-size': '10.5',
          'font-style': 'italic', fill: '#1f2328', stroke: '#ffffff', 'stroke-width': '3', 'paint-order': 'stroke' },
          b[3] === WAITING ? 'waiting: no thread' : 'queued: ready'));
      } else {
        overlay.appendChild(el('svg:rect', { 'class': 'asynclab-also-running', x: String(x(b[1]) - 1), y: String(barTop(b[0]) - 1),
          width: String(Math.max(3, x(b[2]) - x(b[1]) + 2)), height: String(g.barHeight + 2), fill: 'none',
          stroke: b[3] === BLOCKED ? '#8b1414' : '#ff9f1c', 'stroke-width': '1.5' }));
      }
    }
    overlay.appendChild(el('svg:line', { 'class': 'asynclab-cursor', x1: String(x(t)), x2: String(x(t)), y1: String(top), y2: String(bottom),
      stroke: '#1f2328', 'stroke-width': '1.5', 'stroke-dasharray': '4 3' }));
    if (step.bar >= 0) {
      var s = bars[step.bar];
      overlay.appendChild(el('svg:rect', { 'class': 'asynclab-highlight', 'data-bar': String(step.bar),
        x: String(x(s[1]) - 2.5), y: String(barTop(s[0]) - 2.5), width: String(Math.max(5, x(s[2]) - x(s[1]) + 5)),
        height: String(g.barHeight + 5), rx: '2', fill: 'none', stroke: '#ff9f1c', 'stroke-width': '3.5' }));
      if (step.from) {
        var fromRow = step.from[0], sameRow = fromRow === s[0];
        var y1 = sameRow ? rowTop(fromRow) + 2 : barTop(fromRow) + g.barHeight / 2;
        overlay.appendChild(el('svg:line', { 'class': 'asynclab-wake', x1: String(x(step.from[1])), y1: String(y1),
          x2: String(x(s[1])), y2: String(barTop(s[0]) - 2), stroke: '#7b3fd4', 'stroke-width': '3', 'stroke-linecap': 'round' }));
      }
    }
    caption.textContent = step.caption;
    counter.textContent = 'step ' + (state.index + 1) + ' of ' + steps.length;
    scrub.value = String(state.index);
    root.setAttribute('data-asynclab-step', String(state.index));
  }

  function go(index) {
    state.index = Math.max(0, Math.min(steps.length - 1, index));
    render();
  }
  function stop() {
    if (state.timer) { clearTimeout(state.timer); state.timer = null; }
    play.textContent = '\u25B6 play';
  }
  function tick() {
    if (state.index >= steps.length - 1) { stop(); return; }
    go(state.index + 1);
    state.timer = setTimeout(tick, 800 / state.speed);
  }
  function toggle() {
    if (state.timer) { stop(); return; }
    if (state.index >= steps.length - 1) { go(0); }
    play.textContent = '\u275A\u275A pause';
    state.timer = setTimeout(tick, 800 / state.speed);
  }

  play.addEventListener('click', toggle);
  next.addEventListener('click', function () { stop(); go(state.index + 1); });
  back.addEventListener('click', function () { stop(); go(state.index - 1); });
  first.addEventListener('click', function () { stop(); go(0); });
  last.addEventListener('click', function () { stop(); go(steps.length - 1); });
  scrub.addEventListener('input', function () { stop(); go(parseInt(scrub.value, 10)); });
  speed.addEventListener('change', function () { state.speed = parseFloat(speed.value); });
  bar.addEventListener('keydown', function (e) {
    // Controls keep their own keys: a button clicks on Space and Enter, the scrubber and the speed move with the arrows.
    if (e.target === speed || e.target === scrub) { return; }
    if (e.target.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) { return; }
    var keys = { ' ': toggle, k: toggle, ArrowRight: function () { stop(); go(state.index + 1); }, l: function () { stop(); go(state.index + 1); },
      ArrowLeft: function () { stop(); go(state.index - 1); }, j: function () { stop(); go(state.index - 1); },
      Home: function () { stop(); go(0); }, End: function () { stop(); go(steps.length - 1); } };
    var action = keys[e.key];
    if (action) { e.preventDefault(); action(); }
  });
  root.addEventListener('asynclab:plotted', function (e) {
    state.plot = e.detail;
    if (state.plot.on) { state.plot.on('plotly_relayout', render); }
    render();
  });
  render();
};
