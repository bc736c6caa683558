// Cascade dashboard: reads the JSON API of the process that serves it, and the live stream.
// A token (when the server has one) is passed in the page's fragment: /#token=...
'use strict';

const token = new URLSearchParams(location.hash.slice(1)).get('token');
const WINDOWS = ['1h', '4h', '12h', '24h'];
const charts = {};
const $ = id => document.getElementById(id);
const usd = v => v == null ? '–' : '$' + Math.round(Number(v)).toLocaleString('en-US');
const compact = v => {
  if (v == null) return '–';
  const a = Math.abs(v), s = v < 0 ? '-' : '';
  if (a >= 1e12) return s + '$' + (a / 1e12).toFixed(2) + 'T';
  if (a >= 1e9) return s + '$' + (a / 1e9).toFixed(2) + 'B';
  if (a >= 1e6) return s + '$' + (a / 1e6).toFixed(1) + 'M';
  if (a >= 1e3) return s + '$' + (a / 1e3).toFixed(1) + 'K';
  return s + '$' + a.toFixed(0);
};
const pct = (v, d = 2) => v == null ? '–' : (v > 0 ? '+' : '') + Number(v).toFixed(d) + ' %';
const price = v => v == null ? '–' : '$' + Number(v).toLocaleString('en-US', {maximumFractionDigits: v < 10 ? 4 : 1});
const hhmm = iso => iso ? iso.slice(11, 16) : '';
const esc = s => String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

async function api(path) {
  const r = await fetch(path, {headers: token ? {Authorization: 'Bearer ' + token} : {}});
  if (!r.ok) return null;
  return r.json();
}

function chart(id) {
  if (!charts[id]) charts[id] = echarts.init($(id), 'dark', {renderer: 'canvas'});
  return charts[id];
}

const AXIS = {axisLine: {lineStyle: {color: '#26313d'}}, splitLine: {lineStyle: {color: '#1f2831'}},
  axisLabel: {color: '#7f8c99'}};

async function totals() {
  const all = await Promise.all(WINDOWS.map(w => api('/api/v1/liquidations/summary?window=' + w)));
  $('totals').innerHTML = WINDOWS.map((w, i) => {
    const s = all[i] || {};
    const share = s.longShare == null ? 0.5 : Number(s.longShare);
    return `<div class="card" data-window="${w}">
      <h2>Liquidations, last ${w}</h2>
      <div class="big usd" data-usd="${s.usd ?? ''}">${usd(s.usd)}</div>
      <div class="split"><div style="width:${(share * 100).toFixed(1)}%"></div></div>
      <div><span class="long">longs ${compact(s.longUsd)}</span> · <span class="short">shorts ${compact(s.shortUsd)}</span>
        · <span class="count">${(s.count ?? 0).toLocaleString('en-US')}</span> orders</div>
      <div class="muted estimated">estimated ${compact(s.estimatedUsd)} (${compact(s.estimatedLowUsd)} to ${compact(s.estimatedHighUsd)})</div>
    </div>`;
  }).join('');
  const day = all[3];
  if (day) {
    const rows = Object.entries(day.byExchange || {});
    $('exchanges').innerHTML = '<tr><th>Exchange</th><th>Total</th><th>Longs</th><th>Estimated</th></tr>' +
      rows.map(([x, t]) => `<tr data-exchange="${esc(x)}"><td>${esc(x)}</td><td class="usd">${usd(t.usd)}</td>
        <td>${compact(t.longUsd)}</td><td>${compact(t.estimatedUsd)}</td></tr>`).join('');
  }
}

async function bars() {
  const b = await api('/api/v1/liquidations/bars');
  if (!b) return;
  const byMinute = new Map();
  for (const list of Object.values(b.bars)) {
    for (const x of list) {
      const m = byMinute.get(x.minute) || {longUsd: 0, shortUsd: 0};
      m.longUsd += Number(x.longUsd); m.shortUsd += Number(x.shortUsd);
      byMinute.set(x.minute, m);
    }
  }
  const minutes = [...byMinute.keys()].sort();
  chart('bars').setOption({
    backgroundColor: 'transparent', animation: false, tooltip: {trigger: 'axis'},
    grid: {left: 60, right: 10, top: 10, bottom: 30},
    xAxis: {type: 'time', ...AXIS}, yAxis: {type: 'value', ...AXIS, axisLabel: {color: '#7f8c99', formatter: compact}},
    series: [
      {name: 'longs', type: 'bar', stack: 'l', color: '#e5534b', data: minutes.map(m => [m, byMinute.get(m).longUsd])},
      {name: 'shorts', type: 'bar', stack: 'l', color: '#3fb950', data: minutes.map(m => [m, byMinute.get(m).shortUsd])}]
  });
}

function tapeItem(l) {
  return `<li><span class="muted">${hhmm(l.time)}</span> <span class="${l.side}">${l.side}</span>
    ${esc(l.coin)} ${usd(l.usd)} <span class="muted">${esc(l.venue)} @ ${price(l.price)}</span></li>`;
}

async function tape() {
  const page = await api('/api/v1/liquidations?limit=40');
  if (page) $('tape').innerHTML = page.items.map(tapeItem).join('');
  const stream = new EventSource('/api/v1/stream' + (token ? '?access_token=' + encodeURIComponent(token) : ''));
  stream.addEventListener('liquidation', e => {
    $('tape').insertAdjacentHTML('afterbegin', tapeItem(JSON.parse(e.data)));
    while ($('tape').children.length > 200) $('tape').lastElementChild.remove();
  });
  stream.addEventListener('summary', () => totals());
}

async function heatmap(coin) {
  const h = await api('/api/v1/heatmap?coin=' + coin);
  const c = chart('heatmap');
  c.clear();
  if (!h) { $('heatmap-note').textContent = '(no open-interest data for ' + coin + ')'; return; }
  const hit = h.hitRate || {};
  const clusters = (h.clusters || []).map(c => `${c.side} ${price(c.price)} (${compact(c.usd)})`).join(', ');
  $('heatmap-note').textContent = `(levels model; hit-rate ${hit.share == null ? '–' : (hit.share * 100).toFixed(1) + ' %'}` +
    ` of ${compact(hit.realizedUsd)} realized, clusters covering ${hit.meanCoveragePct ?? '–'} % of the range;` +
    ` clusters now: ${clusters || 'none'})`;
  const snaps = h.snapshots || [];
  if (snaps.length === 0) snaps.push({time: h.to, price: h.price, levels: h.levels});
  const prices = [...new Set(snaps.flatMap(s => s.levels.map(l => l.price)))].sort((a, b) => a - b);
  const index = new Map(prices.map((p, i) => [p, i]));
  const cells = [];
  let max = 0;
  snaps.forEach((s, x) => s.levels.forEach(l => {
    const v = Number(l.longUsd) + Number(l.shortUsd);
    max = Math.max(max, v);
    cells.push([x, index.get(l.price), v]);
  }));
  const nearest = p => { let best = 0; prices.forEach((q, i) => { if (Math.abs(q - p) < Math.abs(prices[best] - p)) best = i; }); return best; };
  c.setOption({
    backgroundColor: 'transparent', animation: false,
    tooltip: {formatter: p => p.seriesType === 'heatmap'
      ? `${hhmm(snaps[p.value[0]].time)} ${price(prices[p.value[1]])}: ${compact(p.value[2])}` : `price ${price(snaps[p.value[0]].price)}`},
    grid: {left: 80, right: 20, top: 10, bottom: 50},
    xAxis: {type: 'category', data: snaps.map(s => hhmm(s.time)), ...AXIS},
    yAxis: {type: 'category', data: prices.map(p => Math.round(p).toLocaleString('en-US')), ...AXIS,
      axisLabel: {color: '#7f8c99', interval: Math.max(0, Math.ceil(prices.length / 14) - 1)}},
    visualMap: {min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      itemHeight: 120, textStyle: {color: '#7f8c99'}, inRange: {color: ['#10202e', '#2f6f8f', '#e3b341', '#fff3b0']},
      formatter: v => compact(v), seriesIndex: 0},
    series: [
      {type: 'heatmap', data: cells, progressive: 0},
      {type: 'line', data: snaps.map((s, x) => [x, nearest(s.price)]), color: '#58a6ff', symbol: 'none', lineStyle: {width: 2}}]
  });
}

async function taker(coin) {
  const t = await api('/api/v1/taker?coin=' + coin);
  const all = await api('/api/v1/taker');
  const list = (all && all.bars && all.bars[coin]) || [];
  chart('taker').setOption({
    backgroundColor: 'transparent', animation: false, tooltip: {trigger: 'axis'},
    grid: {left: 60, right: 10, top: 10, bottom: 30},
    xAxis: {type: 'time', ...AXIS}, yAxis: {type: 'value', ...AXIS, axisLabel: {color: '#7f8c99', formatter: compact}},
    series: [
      {name: 'net taker volume', type: 'bar', data: list.map(b => ({value: [b.start, Number(b.netUsd)],
        itemStyle: {color: Number(b.netUsd) >= 0 ? '#3fb950' : '#e5534b'}}))},
      {name: 'moving average', type: 'line', symbol: 'none', color: '#e3b341', data: list.map(b => [b.start, Number(b.maUsd)])}]
  }, true);
  return t;
}

async function market(coin) {
  const [p, oi, t] = await Promise.all([api('/api/v1/price?coin=' + coin), api('/api/v1/open-interest?coin=' + coin),
    api('/api/v1/taker?coin=' + coin)]);
  const row = (k, v) => `<tr><td>${k}</td><td>${v}</td></tr>`;
  $('market').innerHTML = [
    p && row('Last', `<span data-price="${p.last}">${price(p.last)}</span> ${pct(p.changePct)}`),
    p && row('High / low', `${price(p.high)} / ${price(p.low)}`),
    p && row('VWAP', price(p.vwap)),
    p && row('Volume', compact(p.volumeUsd) + (p.volumeChangePct == null ? '' : ' ' + pct(p.volumeChangePct, 0))),
    t && row('Net taker volume', compact(t.netUsd) + ' (buy share ' + (t.buyShare * 100).toFixed(1) + ' %)'),
    oi && row('Open interest', compact(oi.usd) + Object.entries(oi.changes || {}).map(([w, c]) => ` ${w} ${pct(c.changePct)}`).join('')),
    oi && row('Funding', oi.fundingRate == null ? '–' : (oi.fundingRate * 100).toFixed(4) + ' %')].filter(Boolean).join('');
}

async function events(coin) {
  const e = await api('/api/v1/events?coin=' + coin);
  const all = await api('/api/v1/events');
  if (!e || !all) return;
  const lines = [];
  (all.bursts || []).forEach(b => lines.push([b.start, `<span class="${b.side}">${esc(b.venue)} ${b.side} liquidations ${compact(b.usd)} over ${b.minutes} min</span>`]));
  (e.crossings || []).forEach(c => lines.push([c.time, `${esc(c.coin)} ${c.kind === 'below' ? 'fell below' : c.kind === 'above' ? 'rose above' : 'recovered'} ${price(c.level)}`]));
  (e.wicks || []).forEach(w => lines.push([w.extremeTime, `${esc(w.coin)} wick ${w.direction} to ${price(w.extreme)}`]));
  (e.sweptClusters || []).forEach(s => lines.push([s.time, `${esc(s.coin)} ${s.side} cluster at ${price(s.price)} swept (${compact(s.usd)})`]));
  (e.flushes || []).forEach(f => lines.push([f.detected, `<b>${esc(f.coin)} ${f.kind}</b>`]));
  (e.takerExtremes || []).forEach(x => lines.push([x.start, `${esc(x.coin)} net taker ${x.direction} extreme (#${x.monthOrdinal} this month)`]));
  lines.sort((a, b) => a[0] < b[0] ? 1 : -1);
  $('events').innerHTML = lines.slice(0, 40).map(([t, s]) => `<li><span class="muted">${hhmm(t)}</span> ${s}</li>`).join('')
    || '<li class="muted">none</li>';
}

async function overview() {
  const o = await api('/api/v1/overview');
  $('overview').innerHTML = !o || o.totalMarketCapUsd == null ? '<p class="muted">no CoinGecko data</p>' :
    `<div class="big">${compact(o.totalMarketCapUsd)}</div>
     <div>market cap ${pct(o.marketCapChangePct24h)} in 24h · volume ${compact(o.totalVolumeUsd)} ${pct(o.volumeChangePct24h, 0)}</div>
     <div class="muted">BTC dominance ${o.btcDominancePct ?? '–'} %, ETH ${o.ethDominancePct ?? '–'} %</div>
     <div>top gainers: ${(o.topGainers || []).map(m => `${esc(m.symbol)} <span class="short">${pct(m.changePct24h)}</span>`).join(', ') || '–'}</div>
     <div>top losers: ${(o.topLosers || []).map(m => `${esc(m.symbol)} <span class="long">${pct(m.changePct24h)}</span>`).join(', ') || '–'}</div>`;
  const s = await api('/api/v1/sentiment');
  const value = s && s.value != null ? s.value : null;
  chart('sentiment').setOption({
    backgroundColor: 'transparent', animation: false,
    series: [{type: 'gauge', min: 0, max: 100, startAngle: 200, endAngle: -20, radius: '95%', center: ['50%', '65%'],
      axisLine: {lineStyle: {width: 12, color: [[0.25, '#e5534b'], [0.46, '#db6d28'], [0.54, '#7f8c99'], [0.75, '#8fbf4f'], [1, '#3fb950']]}},
      pointer: {show: value != null}, axisLabel: {show: false}, splitLine: {show: false}, axisTick: {show: false},
      detail: {formatter: value == null ? '–' : '{value}', color: '#dbe2ea', fontSize: 22, offsetCenter: [0, '10%']},
      data: [{value: value ?? 0}]}]
  });
  $('sentiment-note').textContent = !s ? '' : (s.classification ? `Cascade: ${s.classification}` : 'Cascade: not computed') +
    (s.published ? ` · alternative.me: ${s.published.value} (${s.published.classification})` : '');
}

async function coins() {
  const p = await api('/api/v1/price');
  const names = p ? Object.keys(p.byCoin) : [];
  const select = $('coin');
  if (select.options.length === 0 || select.options.length !== names.length) {
    const keep = select.value;
    select.innerHTML = names.map(n => `<option>${esc(n)}</option>`).join('');
    if (names.includes(keep)) select.value = keep;
  }
  return select.value;
}

async function refresh() {
  const h = await api('/api/v1/health');
  $('status').textContent = h ? `${h.events.toLocaleString('en-US')} events · latest ${h.latest ? h.latest.replace('T', ' ').slice(0, 19) + ' UTC' : '–'}` : 'offline';
  const coin = await coins();
  await Promise.all([totals(), bars(), overview(), coin && heatmap(coin), coin && taker(coin), coin && market(coin), coin && events(coin)]);
  document.body.dataset.loaded = 'true';
}

$('coin').addEventListener('change', refresh);
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
tape();
refresh();
setInterval(refresh, 5000);
