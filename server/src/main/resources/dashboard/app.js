// Cascade dashboard: reads the JSON API of the process that serves it, and the live stream.
// A token (when the server has one) is passed in the page's fragment: /#token=...
// What it moves: the stream pushes each liquidation and, after each read-out, the window totals; the page then
// asks again for what it shows, with the ETag it holds, so what did not change costs a 304 and no body.
'use strict';

const token = new URLSearchParams(location.hash.slice(1)).get('token');
let WINDOWS = ['1h', '4h', '12h', '24h']; // until the server says which it gives (health's windows)
const RANGE_MS = {'1h': 36e5, '4h': 144e5, '12h': 432e5, '24h': 864e5, '7d': 6048e5, '30d': 2592e6};
const EXCHANGE_COLORS = {binance: '#f0b90b', bybit: '#f7a600', okx: '#8b949e'};
const charts = {};
const view = {coin: '', range: '24h', by: 'side', sort: {coins: ['usd', -1], exchanges: ['usd', -1]}};
const $ = id => document.getElementById(id);
const num = v => v == null ? null : Number(v);
// The formats of dev.cascade.output.Formats, rule for rule (DashboardBrowserTest holds the two to each other):
// rounding on the number's exact value, ties away from zero, as toPrecision and toFixed do.
const UNKNOWN = '–';
const known = v => v != null && v !== '' && Number.isFinite(Number(v));
const trimmed = x => String(Number(x)); // "5.00" -> "5", "-0.00" -> "0"
const money = v => {
  if (!known(v)) return UNKNOWN;
  v = Number(v);
  const s = v < 0 ? '-' : '', a = Math.abs(v);
  if (Math.round(a) < 1000) return s + '$' + Math.round(a);
  const units = ['K', 'M', 'B', 'T'];
  let u = 0, x = a / 1e3;
  while (u < units.length - 1 && Number(x.toPrecision(3)) >= 1000) { u++; x /= 1e3; }
  return s + '$' + trimmed(x.toPrecision(3)) + units[u];
};
const dollars = v => known(v) ? (v < 0 ? '-' : '') + '$' + Math.round(Math.abs(Number(v))).toLocaleString('en-US') : UNKNOWN;
const price = v => {
  if (!known(v)) return UNKNOWN;
  v = Number(v);
  const s = v < 0 ? '-' : '', a = Math.abs(v);
  if (a >= 1e4) return s + '$' + Math.round(a).toLocaleString('en-US');
  if (a >= 100) { // a round level reads $2,600, not $2,600.00
    const c = Number(a.toFixed(2));
    return s + '$' + c.toLocaleString('en-US', {minimumFractionDigits: Number.isInteger(c) ? 0 : 2, maximumFractionDigits: 2});
  }
  if (a === 0) return '$0';
  const r = Number(a.toPrecision(4));
  return s + '$' + trimmed(r.toFixed(Math.max(0, 3 - Math.floor(Math.log10(r)))));
};
const percent = v => {
  if (!known(v)) return UNKNOWN;
  v = Number(v);
  const a = Math.abs(v);
  return trimmed(v.toFixed(a >= 9.95 ? 0 : a >= 0.995 ? 1 : 2)) + '%';
};
const signedPercent = v => { const p = percent(v); return p.startsWith('-') || p === UNKNOWN || p === '0%' ? p : '+' + p; };
const share = v => known(v) ? percent(Number(v) * 100) : UNKNOWN;
const fundingRate = v => {
  if (!known(v)) return UNKNOWN;
  const x = Number(v) * 100, f = Math.abs(x).toFixed(4);
  return (x < 0 && Number(f) !== 0 ? '-' : '+') + f + '%';
};
const count = v => known(v) ? Number(v).toLocaleString('en-US') : UNKNOWN;
const usd = dollars;
const compact = money;
const signed = v => `<span class="${v == null ? '' : v >= 0 ? 'short' : 'long'}">${signedPercent(v)}</span>`;
const axisPrice = v => '$' + Math.round(v).toLocaleString('en-US');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// every time is UTC, with its date: a month of events side by side must not read as one day
const when = iso => iso ? `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(8, 10)} ${iso.slice(11, 16)}` : '';
const whenSec = iso => iso ? `${iso.slice(5, 10)} ${iso.slice(11, 19)}` : '';
const day = iso => iso ? `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}` : '';
const esc = s => String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

// ---- the API, with ETags ----

const held = new Map(); // path -> {etag, body}
let needsToken = false;

async function api(path) {
  const h = held.get(path);
  const headers = {};
  if (token) headers.Authorization = 'Bearer ' + token;
  if (h) headers['If-None-Match'] = h.etag;
  let r;
  try {
    r = await fetch(path, {headers});
  } catch (e) {
    notice('offline', 'The server does not answer; the figures below are the last ones received.');
    return h ? h.body : null;
  }
  if (r.status === 304 && h) return h.body;
  if (r.status === 401) {
    needsToken = true;
    notice('token', token
      ? 'The token in this address was refused. Open the dashboard as <code>/#token=TOKEN</code> with the server\'s token.'
      : 'This server needs a token. Open the dashboard as <code>' + esc(location.origin) + '/#token=TOKEN</code> with the token it was started with (<code>--token</code> or <code>CASCADE_TOKEN</code>).');
    return null;
  }
  if (!r.ok) return null;
  const body = await r.json();
  const etag = r.headers.get('ETag');
  if (etag) held.set(path, {etag, body});
  return body;
}

function notice(kind, html) {
  const n = $('notice');
  if (kind == null) { n.hidden = true; n.dataset.kind = ''; return; }
  n.innerHTML = html;
  n.dataset.kind = kind;
  n.hidden = false;
}

// a chart is redrawn only when what it draws changed (a 304 hands back the same object)
const drawn = {};
function changed(id, ...parts) {
  const same = drawn[id] && drawn[id].length === parts.length && drawn[id].every((p, i) => p === parts[i]);
  drawn[id] = parts;
  return !same;
}

function chart(id, renderer = 'canvas') {
  if (!charts[id]) charts[id] = echarts.init($(id), 'dark', {renderer});
  return charts[id];
}

const AXIS = {axisLine: {lineStyle: {color: '#26313d'}}, splitLine: {lineStyle: {color: '#1f2831'}},
  axisLabel: {color: '#7f8c99'}};
const TIME_AXIS = {type: 'time', ...AXIS, axisLabel: {color: '#7f8c99', hideOverlap: true}};
const narrow = () => window.innerWidth < 700;

// ---- totals by window ----

function card(w, s) {
  const hasData = s && Number(s.count) > 0;
  const share = !hasData ? null : s.longShare != null ? Number(s.longShare) : Number(s.longUsd) / Number(s.usd);
  return `<div class="card" data-window="${w}">
    <h2>Liquidations, last ${w}${view.coin ? ' · ' + esc(view.coin) : ''}</h2>
    <div class="big usd" data-usd="${s ? s.usd ?? '' : ''}">${s ? usd(s.usd) : '–'}</div>
    <div class="split${share == null ? ' none' : ''}" title="${share == null ? 'no data' : 'longs ' + percent(share * 100)}">${share == null ? '' : `<div style="width:${(share * 100).toFixed(1)}%"></div>`}</div>
    ${!s ? '<div class="muted">no data</div>' : !hasData ? '<div class="muted nodata">no liquidations in this window</div>' :
      `<div><span class="long">longs ${compact(s.longUsd)}</span> · <span class="short">shorts ${compact(s.shortUsd)}</span>
       · <span class="count">${count(s.count)}</span> orders</div>
       <div class="muted estimated">estimated ${compact(s.estimatedUsd)} (${compact(s.estimatedLowUsd)} to ${compact(s.estimatedHighUsd)})${s.estimatedCount == null ? '' : `, about <span class="positions">${count(s.estimatedCount)}</span> positions`}</div>`}
  </div>`;
}

async function totals(pushed) {
  const all = pushed && !view.coin ? WINDOWS.map(w => pushed.windows[w])
    : await Promise.all(WINDOWS.map(w => api('/api/v1/liquidations/summary?window=' + w + (view.coin ? '&coin=' + view.coin : ''))));
  if (!changed('totals', view.coin, ...all)) return;
  $('totals').innerHTML = WINDOWS.map((w, i) => card(w, all[i])).join('');
}

// ---- tables ----

const tableWindow = () => WINDOWS.includes(view.range) ? view.range : '24h';
const COLUMNS = [['usd', 'Total'], ['longUsd', 'Longs'], ['shortUsd', 'Shorts'], ['longPct', 'Long %'], ['count', 'Count'],
  ['estimatedUsd', 'Estimated']];

function rows(map) {
  return Object.entries(map || {}).map(([k, t]) => ({key: k, usd: num(t.usd), longUsd: num(t.longUsd), shortUsd: num(t.shortUsd),
    longPct: Number(t.usd) > 0 ? 100 * Number(t.longUsd) / Number(t.usd) : null, count: num(t.count),
    estimatedUsd: num(t.estimatedUsd)}));
}

function table(id, label, attr, list) {
  const [col, dir] = view.sort[id];
  list.sort((a, b) => col === 'key' ? dir * a.key.localeCompare(b.key) : dir * ((a[col] ?? -Infinity) - (b[col] ?? -Infinity)));
  const th = (c, name) => `<th data-sort="${c}"${c === col ? ` aria-sort="${dir < 0 ? 'descending' : 'ascending'}"` : ''}>${name}</th>`;
  $(id).innerHTML = `<thead><tr>${th('key', label)}${COLUMNS.map(([c, n]) => th(c, n)).join('')}</tr></thead><tbody>` +
    (list.length === 0 ? `<tr><td colspan="7" class="muted">no liquidations in this window</td></tr>` :
      list.map(r => `<tr ${attr}="${esc(r.key)}"${attr === 'data-coin' && r.key === view.coin ? ' class="selected"' : ''}>
        <td>${esc(r.key)}</td><td class="usd">${usd(r.usd)}</td><td class="long">${compact(r.longUsd)}</td>
        <td class="short">${compact(r.shortUsd)}</td><td class="longpct">${percent(r.longPct)}</td>
        <td class="count">${count(r.count)}</td>
        <td class="estimated">${r.estimatedUsd == null ? '–' : compact(r.estimatedUsd)}</td></tr>`).join('')) + '</tbody>';
}

async function tables(history) {
  const w = tableWindow();
  const s = await api('/api/v1/liquidations/summary?window=' + w);
  if (!changed('tables', s, history, view.coin, view.sort.coins.join(), view.sort.exchanges.join())) return;
  const span = w === view.range ? `(last ${w})` : `(last ${w}: the summaries go back a day)`;
  $('coins-title').textContent = span;
  if (s) table('coins', 'Coin', 'data-coin', rows(s.byCoin));
  if (!view.coin) {
    $('exchanges-title').textContent = span;
    if (s) table('exchanges', 'Exchange', 'data-exchange', rows(s.byExchange));
  } else if (history) { // one coin's split by exchange is read from the liquidations of the range
    $('exchanges-title').textContent = `(${view.coin}, last ${view.range}, reported; no per-coin estimate)`;
    table('exchanges', 'Exchange', 'data-exchange', rows(history.liquidations.byExchange));
  }
}

function sortable(id) {
  $(id).addEventListener('click', e => {
    const th = e.target.closest('th[data-sort]');
    if (th) {
      const [col, dir] = view.sort[id];
      view.sort[id] = [th.dataset.sort, col === th.dataset.sort ? -dir : th.dataset.sort === 'key' ? 1 : -1];
      drawn.tables = null;
      tables(drawn.history && drawn.history[0]);
      return;
    }
    const tr = e.target.closest('tr[data-coin]');
    if (tr) selectCoin(tr.dataset.coin === view.coin ? '' : tr.dataset.coin);
  });
}

// ---- history: liquidations, price, open interest, funding, taker flow over the range ----

function gapsAsNull(times, values) { return times.map((t, i) => [t, values[i]]); }

async function history() {
  const h = await api(`/api/v1/history?range=${view.range}&by=${view.by}` + (view.coin ? '&coin=' + view.coin : ''));
  if (!h || !changed('history', h, chartCoin)) return h;
  const c = chart('liq');
  const end = Date.parse(h.to);
  const start = end - RANGE_MS[h.range];
  const names = Object.keys(h.liquidations.series);
  $('liq-title').textContent = `(${h.coin || 'all coins'}, last ${h.range}, ${h.bar} bars, UTC)`;
  const from = h.liquidations.from;
  $('liq-note').textContent = from && Date.parse(from) > start
    ? `No liquidation data before ${when(from)} UTC: this server keeps liquidations from then on.` : '';
  const total = names.reduce((s, n) => s + h.liquidations.series[n].reduce((a, v) => a + (v || 0), 0), 0);
  c.setOption({
    backgroundColor: 'transparent', animation: false,
    tooltip: {trigger: 'axis', valueFormatter: v => v == null ? 'no data' : compact(v)},
    legend: {show: view.by === 'exchange', top: 0, textStyle: {color: '#7f8c99'}},
    grid: {left: 60, right: 12, top: view.by === 'exchange' ? 28 : 12, bottom: 28},
    xAxis: {...TIME_AXIS, min: start, max: end},
    yAxis: {type: 'value', ...AXIS, axisLabel: {color: '#7f8c99', formatter: compact}},
    title: total > 0 ? {show: false} : {show: true, text: 'no liquidations in this range', left: 'center', top: 'middle',
      textStyle: {color: '#7f8c99', fontSize: 14, fontWeight: 'normal'}},
    series: names.map(n => ({name: n === 'long' ? 'longs' : n === 'short' ? 'shorts' : n, type: 'bar', stack: 'l',
      barMaxWidth: 24, color: n === 'long' ? '#e5534b' : n === 'short' ? '#3fb950' : EXCHANGE_COLORS[n] || '#58a6ff',
      data: gapsAsNull(h.times, h.liquidations.series[n])}))
  }, true);
  // with all coins, price, open interest, funding and taker flow are the most traded coin's
  const m = h.coin ? h : chartCoin ? await api(`/api/v1/history?range=${view.range}&by=side&coin=${chartCoin}`) : null;
  if (m) {
    marketHistory(m, start, end);
    taker(m, start, end);
  }
  return h;
}

function marketHistory(h, start, end) {
  const c = chart('history');
  $('market-title').textContent = h.coin ? `(${h.coin}, last ${h.range}, UTC)` : '';
  if (!h.coin) { c.clear(); drawn.market = null; return; }
  const funding = Object.entries(h.funding || {});
  c.setOption({
    backgroundColor: 'transparent', animation: false, tooltip: {trigger: 'axis'},
    axisPointer: {link: [{xAxisIndex: 'all'}]},
    legend: {top: 0, textStyle: {color: '#7f8c99'}, type: 'scroll'},
    grid: [{left: 70, right: 70, top: 30, height: '42%'}, {left: 70, right: 70, top: '66%', bottom: 28}],
    xAxis: [{...TIME_AXIS, min: start, max: end, gridIndex: 0, axisLabel: {show: false}},
      {...TIME_AXIS, min: start, max: end, gridIndex: 1}],
    yAxis: [
      {type: 'value', scale: true, gridIndex: 0, ...AXIS, name: 'price', nameTextStyle: {color: '#7f8c99'}, axisLabel: {color: '#7f8c99', formatter: axisPrice}},
      {type: 'value', scale: true, gridIndex: 0, ...AXIS, position: 'right', splitLine: {show: false}, name: 'open interest',
        nameTextStyle: {color: '#7f8c99'}, axisLabel: {color: '#7f8c99', formatter: compact}},
      {type: 'value', gridIndex: 1, ...AXIS, name: 'funding / 8h', nameTextStyle: {color: '#7f8c99'},
        axisLabel: {color: '#7f8c99', formatter: v => (v * 100).toFixed(3) + '%'}}],
    series: [
      {name: 'price', type: 'line', symbol: 'none', color: '#dbe2ea', xAxisIndex: 0, yAxisIndex: 0, data: gapsAsNull(h.times, h.price),
        tooltip: {valueFormatter: price}},
      {name: 'open interest', type: 'line', symbol: 'none', color: '#58a6ff', xAxisIndex: 0, yAxisIndex: 1, areaStyle: {opacity: .08},
        data: gapsAsNull(h.times, h.openInterestUsd), tooltip: {valueFormatter: compact}},
      ...funding.map(([venue, rates]) => ({name: 'funding ' + venue, type: 'line', step: 'end', symbol: 'none', xAxisIndex: 1, yAxisIndex: 2,
        data: gapsAsNull(h.times, rates), tooltip: {valueFormatter: v => fundingRate(v)}}))]
  }, true);
}

function taker(h, start, end) {
  const c = chart('taker');
  $('taker-title').textContent = h.coin ? `(${h.coin}, net taker volume per ${h.bar} bar and its running sum over the last ${h.range})` : '(choose a coin)';
  if (!h.coin) { c.clear(); return; }
  let cvd = 0;
  const running = h.takerNetUsd.map(v => (cvd += v || 0));
  c.setOption({
    backgroundColor: 'transparent', animation: false, tooltip: {trigger: 'axis', valueFormatter: compact},
    grid: {left: 60, right: 60, top: 12, bottom: 28},
    xAxis: {...TIME_AXIS, min: start, max: end},
    yAxis: [{type: 'value', ...AXIS, axisLabel: {color: '#7f8c99', formatter: compact}},
      {type: 'value', ...AXIS, splitLine: {show: false}, axisLabel: {color: '#7f8c99', formatter: compact}}],
    series: [
      {name: 'net taker volume', type: 'bar', barMaxWidth: 24, data: h.times.map((t, i) => ({value: [t, h.takerNetUsd[i]],
        itemStyle: {color: (h.takerNetUsd[i] || 0) >= 0 ? '#3fb950' : '#e5534b'}}))},
      {name: 'cumulative', type: 'line', symbol: 'none', color: '#e3b341', yAxisIndex: 1, data: h.times.map((t, i) => [t, running[i]])}]
  }, true);
}

// ---- the tape ----

function tapeItem(l) {
  return `<li data-coin="${esc(l.coin)}"><span class="muted">${whenSec(l.time)}</span> <span class="${l.side}">${l.side}</span>
    ${esc(l.coin)} ${usd(l.usd)} <span class="muted">${esc(l.venue)} @ ${price(l.price)}</span></li>`;
}

async function tape() {
  const page = await api('/api/v1/liquidations?limit=40' + (view.coin ? '&coin=' + view.coin : ''));
  if (page && changed('tape', page)) {
    $('tape').innerHTML = page.items.map(tapeItem).join('') || '<li class="muted">no liquidations in the last day</li>';
  }
}

// ---- heatmap: a linear price axis, each bucket a rectangle of its own height ----

async function heatmap(coin) {
  const g = await api('/api/v1/heatmap/grid?coin=' + coin);
  if (!changed('heatmap', g, narrow())) return;
  const c = chart('heatmap', 'svg'); // SVG: its labels are in the page, where a test can measure them
  if (!g) {
    c.clear();
    $('heatmap-title').textContent = `(${coin})`;
    $('heatmap-note').textContent = 'No open-interest data for ' + coin + ': nothing to build a heatmap from.';
    return;
  }
  const half = Math.sqrt(1 + Number(g.bucketPct) / 100);
  const step = g.times.length > 1 ? g.times[1] - g.times[0] : 6e5;
  const cells = [];
  let max = 0, low = Infinity, high = -Infinity;
  for (let i = 0; i < g.cells.length; i += 4) {
    const v = g.cells[i + 2] + g.cells[i + 3];
    if (v <= 0) continue;
    const p = g.levels[g.cells[i + 1]];
    cells.push([g.times[g.cells[i]], g.times[g.cells[i]] + step, p / half, p * half, v, g.cells[i + 2], g.cells[i + 3]]);
    max = Math.max(max, v);
  }
  // the price axis spans the cells that matter (above 2 % of the largest) and the price line
  for (const x of cells) if (x[4] >= max * 0.02) { low = Math.min(low, x[2]); high = Math.max(high, x[3]); }
  for (const p of g.prices) if (p != null) { low = Math.min(low, Number(p)); high = Math.max(high, Number(p)); }
  const pad = (high - low) * 0.03;
  const hit = g.hitRate || {};
  $('heatmap-title').textContent = `(${coin}, levels model, a column every ${Math.round(step / 6e4)} min, UTC)`;
  $('heatmap-note').textContent = `Hit-rate ${share(hit.share)} of ` +
    `${compact(hit.realizedUsd)} liquidated since ${when(g.from)}, with clusters covering ${percent(hit.meanCoveragePct)} of the range.`;
  const clusters = (g.clusters || []).map(k => ({value: [g.times[g.times.length - 1] + step, Number(k.price)], side: k.side,
    usd: Number(k.usd)}));
  c.setOption({
    backgroundColor: 'transparent', animation: false,
    tooltip: {formatter: p => p.seriesName === 'levels'
      ? `${when(new Date(p.value[0]).toISOString())} ${axisPrice(p.value[2])} to ${axisPrice(p.value[3])}<br>longs ${compact(p.value[5])}, shorts ${compact(p.value[6])}`
      : p.seriesName === 'clusters' ? `${p.data.side} cluster ${price(p.value[1])}: ${compact(p.data.usd)}` : `price ${price(p.value[1])}`},
    grid: {left: 78, right: narrow() ? 12 : 150, top: 10, bottom: 56},
    xAxis: {...TIME_AXIS, min: g.times[0], max: g.times[g.times.length - 1] + step},
    yAxis: {type: 'value', min: Math.floor(low - pad), max: Math.ceil(high + pad), ...AXIS,
      axisLabel: {color: '#7f8c99', formatter: axisPrice}, splitLine: {show: false}},
    visualMap: {min: 0, max: max || 1, dimension: 4, seriesIndex: 0, calculable: false, orient: 'horizontal', left: 'center',
      bottom: 0, itemHeight: 120, itemWidth: 10, textStyle: {color: '#7f8c99'},
      inRange: {color: ['#10202e', '#2f6f8f', '#e3b341', '#fff3b0']}, formatter: v => compact(v)},
    series: [
      {name: 'levels', type: 'custom', data: cells, encode: {x: [0, 1], y: [2, 3]},
        renderItem: (params, api) => {
          const a = api.coord([api.value(0), api.value(3)]), b = api.coord([api.value(1), api.value(2)]);
          return {type: 'rect', shape: {x: a[0], y: a[1], width: Math.max(1, b[0] - a[0]), height: Math.max(1, b[1] - a[1])},
            style: {fill: api.visual('color')}};
        }},
      {name: 'price', type: 'line', step: 'end', symbol: 'none', color: '#58a6ff', lineStyle: {width: 2},
        data: g.times.map((t, i) => [t, g.prices[i] == null ? null : Number(g.prices[i])])},
      {name: 'clusters', type: 'scatter', symbol: 'triangle', symbolRotate: 90, symbolSize: 10, data: clusters,
        itemStyle: {color: p => p.data.side === 'long' ? '#e5534b' : '#3fb950'},
        label: {show: true, position: narrow() ? 'left' : 'right', color: '#dbe2ea', fontSize: 11,
          formatter: p => `${p.data.side} ${price(p.value[1])} ${compact(p.data.usd)}`}}]
  }, true);
}

// ---- events, market read-outs, overview, sentiment ----

async function events(coin) {
  const all = await api('/api/v1/events');
  if (!all || !changed('events', all, view.coin)) return;
  const mine = x => !view.coin || x.coin === view.coin;
  const lines = [];
  (all.bursts || []).forEach(b => lines.push([b.start, `<span class="${b.side}">${esc(b.venue)} ${b.side} liquidations ${compact(b.usd)} over ${b.minutes} min</span>`]));
  (all.crossings || []).filter(mine).forEach(c => lines.push([c.time, `${esc(c.coin)} ${c.kind === 'below' ? 'fell below' : c.kind === 'above' ? 'rose above' : 'recovered'} ${price(c.level)}`]));
  (all.wicks || []).filter(mine).forEach(w => lines.push([w.extremeTime, `${esc(w.coin)} wick ${w.direction} to ${price(w.extreme)}`]));
  (all.sweptClusters || []).filter(mine).forEach(s => lines.push([s.time, `${esc(s.coin)} ${s.side} cluster at ${price(s.price)} swept (${compact(s.usd)})`]));
  (all.flushes || []).filter(mine).forEach(f => lines.push([f.detected, `<b>${esc(f.coin)} ${f.kind}</b>`]));
  (all.takerExtremes || []).filter(mine).forEach(x => lines.push([x.start, `${esc(x.coin)} net taker ${x.direction} extreme (#${x.monthOrdinal} this month)`]));
  lines.sort((a, b) => a[0] < b[0] ? 1 : -1);
  $('events-title').textContent = `(${view.coin || 'all coins'}, UTC)`;
  $('events').innerHTML = lines.slice(0, 60).map(([t, s]) => `<li><span class="muted">${when(t)}</span> ${s}</li>`).join('')
    || '<li class="muted">no events</li>';
}

async function market(coin) {
  const [p, oi, t] = await Promise.all([api('/api/v1/price?coin=' + coin), api('/api/v1/open-interest?coin=' + coin),
    api('/api/v1/taker?coin=' + coin)]);
  if (!changed('now', p, oi, t, coin)) return;
  const row = (k, v) => `<tr><td>${k}</td><td>${v}</td></tr>`;
  const changes = o => Object.entries(o || {}).map(([w, c]) => `${w} ${signed(typeof c === 'object' ? c.changePct : c)}`).join(' · ');
  $('now-title').textContent = p ? `(${coin}, at ${when(p.lastTime)} UTC)` : `(${coin})`;
  $('market').innerHTML = [
    p && row('Last', `<span data-price="${p.last}">${price(p.last)}</span>`),
    p && row('Change', changes(p.changes) || '–'),
    p && row(`Since ${day(p.firstTime)}`, `${signed(p.changePct)} <span class="muted">(from ${price(p.first)})</span>`),
    p && row(`High / low since ${day(p.firstTime)}`, `${price(p.high)} / ${price(p.low)}`),
    p && row('VWAP since ' + day(p.firstTime), price(p.vwap)),
    p && row('Volume, last 24h', compact(p.volume24hUsd) + (p.volumeChangePct == null ? ' <span class="muted">(no previous 24h to compare)</span>'
      : ` ${signed(p.volumeChangePct)} <span class="muted">vs the 24h before</span>`)),
    t && row('Net taker volume since ' + (p ? day(p.firstTime) : 'the start'), compact(t.netUsd) + ' <span class="muted">(buy share ' + share(t.buyShare) + ')</span>'),
    oi && row('Open interest', compact(oi.usd)),
    oi && row('OI change', changes(oi.changes) || '–'),
    oi && row('Funding', oi.fundingRate == null ? '–' : `${fundingRate(oi.fundingRate)} <span class="muted">per 8 h, open-interest-weighted` +
      ` (${percent(oi.fundingRate * 3 * 365 * 100)} a year)</span>`),
    !p && !oi && row('–', 'no data for ' + esc(coin))].filter(Boolean).join('');
}

async function overview() {
  const [o, s] = await Promise.all([api('/api/v1/overview'), api('/api/v1/sentiment')]);
  if (changed('overview', o)) {
    $('overview-title').textContent = o && o.time ? `(CoinGecko, ${when(o.time)} UTC)` : '';
    $('overview').innerHTML = !o || o.totalMarketCapUsd == null ? '<p class="muted">no CoinGecko data</p>' :
      `<div class="big">${compact(o.totalMarketCapUsd)}</div>
       <div>market cap ${signed(o.marketCapChangePct24h)} in 24h · volume ${compact(o.totalVolumeUsd)} ${signed(o.volumeChangePct24h)} in 24h</div>
       <div class="muted">BTC dominance ${o.btcDominancePct ?? '–'} %, ETH ${o.ethDominancePct ?? '–'} %</div>
       <div>top gainers, 24h: ${(o.topGainers || []).map(m => `${esc(m.symbol)} <span class="short">${signedPercent(m.changePct24h)}</span>`).join(', ') || '–'}</div>
       <div>top losers, 24h: ${(o.topLosers || []).map(m => `${esc(m.symbol)} <span class="long">${signedPercent(m.changePct24h)}</span>`).join(', ') || '–'}</div>`;
  }
  if (!changed('sentiment', s)) return;
  const value = s && s.value != null ? s.value : null;
  chart('sentiment').setOption({
    backgroundColor: 'transparent', animation: false,
    series: [{type: 'gauge', min: 0, max: 100, startAngle: 180, endAngle: 0, radius: '120%', center: ['50%', '92%'],
      axisLine: {lineStyle: {width: 12, color: [[0.25, '#e5534b'], [0.46, '#db6d28'], [0.54, '#7f8c99'], [0.75, '#8fbf4f'], [1, '#3fb950']]}},
      pointer: {show: value != null, length: '62%', width: 5}, axisLabel: {show: false}, splitLine: {show: false},
      axisTick: {show: false}, anchor: {show: false}, detail: {show: false}, data: [{value: value ?? 0}]}]
  });
  // the number sits under the gauge, in the page: the needle can never cover it
  $('sentiment-value').textContent = value == null ? '–' : value;
  $('sentiment-note').textContent = !s ? '' : (s.classification ? `Cascade: ${s.classification}` : 'Cascade: not computed') +
    (s.published ? ` · alternative.me: ${s.published.value} (${s.published.classification}, ${day(s.published.time)})` : '');
}

// ---- coins, controls, refresh ----

async function coins() {
  const s = await api('/api/v1/liquidations/summary?window=all');
  const p = await api('/api/v1/price');
  const names = [...new Set([...Object.keys((p && p.byCoin) || {}), ...Object.keys((s && s.byCoin) || {})])];
  const select = $('coin');
  const have = [...select.options].slice(1).map(o => o.value);
  if (have.join() !== names.join()) {
    select.innerHTML = '<option value="">All coins</option>' + names.map(n => `<option value="${esc(n)}">${esc(n)}</option>`).join('');
    select.value = names.includes(view.coin) ? view.coin : '';
  }
  return names;
}

// the coin the coin-specific panels draw: the chosen one, or with all coins the most traded (BTC on most days)
let chartCoin = null;

async function refresh(pushed) {
  const h = await api('/api/v1/health');
  if (!h) return;
  if (h.windows && h.windows.length) WINDOWS = h.windows;
  const names = await coins();
  if (needsToken) { $('status').textContent = 'token required'; return; }
  if (!$('notice').hidden && $('notice').dataset.kind === 'offline') notice(null);
  $('status').textContent = `${h.events.toLocaleString('en-US')} events · latest ${h.latest ? when(h.latest) + ' UTC' : '–'}`;
  chartCoin = view.coin || names[0] || null;
  const hist = await history();
  await Promise.all([totals(pushed), tables(hist), tape(), overview(), events(),
    chartCoin && heatmap(chartCoin), chartCoin && market(chartCoin)]);
  document.body.dataset.loaded = 'true';
}

function selectCoin(coin) {
  view.coin = coin;
  $('coin').value = coin;
  refresh();
}

$('coin').addEventListener('change', e => selectCoin(e.target.value));
$('ranges').addEventListener('click', e => {
  const b = e.target.closest('button[data-range]');
  if (!b) return;
  view.range = b.dataset.range;
  [...$('ranges').children].forEach(x => x.classList.toggle('on', x === b));
  refresh();
});
$('stack').addEventListener('click', e => {
  const b = e.target.closest('button[data-by]');
  if (!b) return;
  view.by = b.dataset.by;
  [...$('stack').children].forEach(x => x.classList.toggle('on', x === b));
  refresh();
});
sortable('coins');
sortable('exchanges');
window.addEventListener('resize', () => {
  Object.values(charts).forEach(c => c.resize());
  drawn.heatmap = null; // its labels move sides on a phone
  if (chartCoin) heatmap(chartCoin);
});

// the stream: each liquidation onto the tape, each read-out's totals onto the cards, then what else changed
function stream() {
  const s = new EventSource('/api/v1/stream' + (token ? '?access_token=' + encodeURIComponent(token) : ''));
  s.addEventListener('liquidation', e => {
    const l = JSON.parse(e.data);
    if (view.coin && l.coin !== view.coin) return;
    $('tape').insertAdjacentHTML('afterbegin', tapeItem(l));
    while ($('tape').children.length > 200) $('tape').lastElementChild.remove();
  });
  s.addEventListener('summary', e => refresh(JSON.parse(e.data)));
  s.addEventListener('open', () => { if (document.body.dataset.loaded) refresh(); });
}

refresh().then(() => { if (!needsToken) stream(); });
