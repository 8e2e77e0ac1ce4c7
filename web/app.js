// herodotus serve: the page's script. Plain ES2020, no dependencies.
// Every string from the server is untrusted: the DOM is built with
// textContent and createElement only, never innerHTML with data.
'use strict';

// Errors and content-security-policy violations, collected for the browser
// test (tests/browser.sh reads window.__errors).
window.__errors = window.__errors || [];
window.addEventListener('error', (e) => {
  const t = e.target;
  if (t && t !== window && (t.src || t.href)) window.__errors.push('resource failed: ' + (t.src || t.href));
  else window.__errors.push('error: ' + (e.message || 'unknown') + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
}, true);
window.addEventListener('unhandledrejection', (e) => {
  const r = e.reason;
  window.__errors.push('unhandled rejection: ' + (r && r.message ? r.message : String(r)));
});
document.addEventListener('securitypolicyviolation', (e) => {
  window.__errors.push('csp: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});

(() => {
  const FILTERS = ['actor', 'dyad', 'both_ways', 'code', 'root', 'quad', 'since', 'until', 'text', 'country'];
  const FILTER_NAMES = {
    actor: 'actor', dyad: 'dyad', both_ways: 'both ways', code: 'code', root: 'root', quad: 'quad',
    since: 'since', until: 'until', text: 'words', country: 'country',
  };
  const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
  const QUAD_SHORT = { 1: 'V·coop', 2: 'M·coop', 3: 'V·confl', 4: 'M·confl' };
  const QUAD_COLORS = { 1: '#4c86c6', 2: '#3b9a6b', 3: '#e39a3b', 4: '#c8453c' };
  const ROOT_NAMES = {
    '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
    '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
    '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
    '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
    '19': 'Fight', '20': 'Use unconventional mass violence',
  };
  const PAGE = 50;
  const SVGNS = 'http://www.w3.org/2000/svg';

  // ---------- small DOM helpers ----------
  const $ = (sel, root = document) => root.querySelector(sel);
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return el;
  }
  function s(tag, attrs, ...kids) {
    const el = document.createElementNS(SVGNS, tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined) continue;
        if (k === 'text') el.textContent = v;
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else el.setAttribute(k, String(v));
      }
    }
    for (const kid of kids.flat()) if (kid) el.append(kid);
    return el;
  }
  const clear = (el) => { while (el.firstChild) el.removeChild(el.firstChild); return el; };
  const str = (v) => (v === null || v === undefined ? '' : String(v));
  const fmtInt = (n) => Number(n || 0).toLocaleString('en-US');
  const fmtGold = (g) => (g === null || g === undefined || Number.isNaN(Number(g)) ? '–'
    : (Number(g) > 0 ? '+' : Number(g) < 0 ? '−' : '') + Math.abs(Number(g)).toFixed(1));
  const quadClass = (q) => (q >= 1 && q <= 4 ? 'q' + q : 'q0');

  // ---------- loading state and errors ----------
  let inflight = 0;
  function setLoading(delta) {
    inflight = Math.max(0, inflight + delta);
    document.body.dataset.loading = inflight > 0 ? '1' : '0';
  }
  const errorBar = $('#error-bar');
  const errorBox = $('#error');
  let errors = []; // the distinct messages shown: the requests of one view often fail alike
  function showError(msg) {
    if (!errors.includes(msg)) errors.push(msg);
    errorBox.textContent = errors.join('\n');
    errorBar.hidden = false;
  }
  function clearError() {
    errors = [];
    errorBox.textContent = '';
    errorBar.hidden = true;
  }
  $('#error-close').addEventListener('click', clearError);

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  // The page's query strings and the API's: empty values left out, ':' and
  // ',' kept readable (dyad=RUS:UKR, code=042,043).
  function query(params) {
    const parts = [];
    for (const [k, v] of Object.entries(params)) {
      if (v === null || v === undefined || v === '') continue;
      parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(v)).replace(/%3A/gi, ':').replace(/%2C/gi, ','));
    }
    return parts.join('&');
  }

  // The views' requests go two at a time: on a big store each query can take
  // seconds of the server's database time (5 s at most), and six at once on
  // a small machine would all run out of it. An event's detail and the
  // coder skip the queue.
  const MAX_PARALLEL = 2;
  let running = 0;
  const waiting = [];
  function acquire(signal) {
    if (running < MAX_PARALLEL) { running++; return Promise.resolve(); }
    return new Promise((resolve, reject) => {
      const w = { resolve, reject };
      waiting.push(w);
      if (signal) {
        signal.addEventListener('abort', () => {
          const i = waiting.indexOf(w);
          if (i >= 0) { waiting.splice(i, 1); reject(new DOMException('aborted', 'AbortError')); }
        }, { once: true });
      }
    });
  }
  function release() {
    const w = waiting.shift();
    if (w) w.resolve(); else running--;
  }

  async function api(path, params, opts = {}) {
    const q = params ? query(params) : '';
    const url = path + (q ? '?' + q : '');
    setLoading(+1);
    let slot = false;
    try {
      if (opts.queue) {
        if (opts.signal && opts.signal.aborted) throw new DOMException('aborted', 'AbortError');
        await acquire(opts.signal);
        slot = true;
      }
      let res;
      try {
        res = await fetch(url, {
          method: opts.method || 'GET',
          headers: Object.assign({ Accept: 'application/json' }, opts.headers || {}),
          body: opts.body,
          signal: opts.signal,
          cache: 'no-store',
        });
      } catch (e) {
        if (e.name === 'AbortError') throw e;
        throw new ApiError(0, 'The server did not answer (' + (e.message || 'network error') + ').');
      }
      let data = null;
      const text = await res.text();
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
      if (!res.ok) {
        const m = data && data.error && data.error.message ? data.error.message : (res.statusText || 'request failed');
        throw new ApiError(res.status, m);
      }
      if (data === null) throw new ApiError(res.status, 'The server sent no JSON for ' + path + '.');
      return data;
    } finally {
      if (slot) release();
      setLoading(-1);
    }
  }

  function reportError(where, e) {
    if (e && e.name === 'AbortError') return;
    const m = e && e.message ? e.message : String(e);
    showError(e && e.status ? 'The server answered ' + e.status + ': ' + m : where + ': ' + m);
  }

  // ---------- state: the URL is the source of truth ----------
  const state = { filters: {}, by: 'month', group: '', event: null };

  function readUrl() {
    const p = new URLSearchParams(location.search);
    const f = {};
    for (const k of FILTERS) {
      const v = p.get(k);
      if (v !== null && v !== '') f[k] = v;
    }
    state.filters = f;
    const by = p.get('by');
    state.by = ['day', 'week', 'month', 'year'].includes(by) ? by : 'month';
    const group = p.get('group');
    state.group = ['root', 'quad'].includes(group) ? group : '';
    const ev = p.get('event');
    state.event = ev && /^\d+$/.test(ev) ? ev : null;
  }

  function pageParams() {
    const p = {};
    for (const k of FILTERS) if (state.filters[k]) p[k] = state.filters[k];
    if (state.by !== 'month') p.by = state.by;
    if (state.group) p.group = state.group;
    if (state.event) p.event = state.event;
    return p;
  }

  function writeUrl(push) {
    const q = query(pageParams());
    const url = location.pathname + (q ? '?' + q : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  const F = {
    actor: $('#f-actor'), dyad: $('#f-dyad'), both: $('#f-both-ways'), code: $('#f-code'), root: $('#f-root'),
    quads: [1, 2, 3, 4].map((i) => $('#f-quad-' + i)),
    since: $('#f-since'), until: $('#f-until'), text: $('#f-text'), country: $('#f-country'),
  };

  function fillForm() {
    const f = state.filters;
    F.actor.value = f.actor || '';
    F.dyad.value = f.dyad || '';
    F.both.checked = f.both_ways === '1';
    F.code.value = f.code || '';
    F.root.value = f.root || '';
    const qs = f.quad ? f.quad.split(',') : null;
    F.quads.forEach((c, i) => { c.checked = !qs || qs.includes(String(i + 1)); });
    F.since.value = f.since || '';
    F.until.value = f.until || '';
    F.text.value = f.text || '';
    F.country.value = f.country || '';
    $('#chart-by').value = state.by;
    $('#chart-group').value = state.group;
  }

  const list = (v) => v.replace(/\s+/g, '').replace(/,+/g, ',').replace(/^,|,$/g, '');

  function readForm() {
    const f = {};
    const actor = F.actor.value.trim().toUpperCase();
    if (actor) f.actor = actor;
    const dyad = F.dyad.value.replace(/\s+/g, '').toUpperCase();
    if (dyad) f.dyad = dyad;
    if (dyad && F.both.checked) f.both_ways = '1';
    const code = list(F.code.value);
    if (code) f.code = code;
    const root = list(F.root.value);
    if (root) f.root = root;
    const qs = F.quads.filter((c) => c.checked).map((c) => c.value);
    if (qs.length > 0 && qs.length < 4) f.quad = qs.join(',');
    if (F.since.value) f.since = F.since.value;
    if (F.until.value) f.until = F.until.value;
    const text = F.text.value.trim().replace(/\s+/g, ' ');
    if (text) f.text = text;
    const country = F.country.value.trim().toUpperCase();
    if (country) f.country = country;
    return f;
  }

  // Sets the filters, writes the URL (a history entry) and reloads the views.
  function applyFilters(f) {
    state.filters = f;
    fillForm();
    writeUrl(true);
    loadViews();
  }

  $('#filters').addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters(readForm());
  });
  $('#f-clear').addEventListener('click', () => {
    applyFilters({});
    F.actor.focus();
  });
  window.addEventListener('popstate', () => {
    readUrl();
    fillForm();
    loadViews();
    syncDetail();
  });

  // On a phone the filters fold away (the chips above the views say which apply).
  const filtersForm = $('#filters');
  const filtersToggle = $('#filters-toggle');
  function foldFilters(folded) {
    filtersForm.classList.toggle('folded', folded);
    filtersToggle.setAttribute('aria-expanded', folded ? 'false' : 'true');
    filtersToggle.textContent = folded ? 'Show' : 'Hide';
  }
  filtersToggle.addEventListener('click', () => {
    const fold = !filtersForm.classList.contains('folded');
    foldFilters(fold);
    if (!fold) F.actor.focus();
  });
  if (window.matchMedia && window.matchMedia('(max-width: 860px)').matches) foldFilters(true);

  function setFilter(k, v) {
    const f = readForm();
    if (v) f[k] = v; else delete f[k];
    if (k === 'dyad' && !v) delete f.both_ways;
    applyFilters(f);
  }

  function renderActiveFilters() {
    const box = clear($('#active-filters'));
    const keys = FILTERS.filter((k) => state.filters[k] && k !== 'both_ways');
    if (!keys.length) {
      box.append(h('span', { class: 'muted small', text: 'All events: no filters.' }));
      return;
    }
    box.append(h('span', { class: 'muted small', text: 'Filtered by' }));
    for (const k of keys) {
      let v = state.filters[k];
      if (k === 'dyad' && state.filters.both_ways === '1') v += ' (both ways)';
      if (k === 'quad') v = v.split(',').map((q) => QUAD_NAMES[q] || q).join(', ');
      box.append(h('button', {
        type: 'button', class: 'chip', title: 'Remove this filter', 'aria-label': 'Remove the filter ' + FILTER_NAMES[k] + ' ' + v,
        onclick: () => setFilter(k, ''),
      }, h('span', { class: 'chip-k', text: FILTER_NAMES[k] }), ' ', h('span', { class: 'chip-v', text: v }), h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' })));
    }
  }

  // ---------- highlighting ----------
  // Finds source, verb and target text in the sentence (case-sensitive, first
  // occurrence that does not overlap an earlier one) and wraps them in <mark>.
  function highlighted(sentence, parts) {
    const text = str(sentence);
    const spans = [];
    for (const [needle, cls, label] of parts) {
      const n = str(needle);
      if (!n) continue;
      let at = text.indexOf(n);
      while (at >= 0 && spans.some((sp) => at < sp.end && at + n.length > sp.start)) at = text.indexOf(n, at + 1);
      if (at >= 0) spans.push({ start: at, end: at + n.length, cls, label });
    }
    spans.sort((a, b) => a.start - b.start);
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const sp of spans) {
      if (sp.start > pos) frag.append(document.createTextNode(text.slice(pos, sp.start)));
      frag.append(h('mark', { class: sp.cls, title: sp.label, text: text.slice(sp.start, sp.end) }));
      pos = sp.end;
    }
    if (pos < text.length) frag.append(document.createTextNode(text.slice(pos)));
    return frag;
  }
  const eventMarks = (ev) => [
    [ev.source_text, 'm-source', 'source: ' + str(ev.source)],
    [ev.verb_text, 'm-verb', 'event: ' + str(ev.code) + ' ' + str(ev.event)],
    [ev.target_text, 'm-target', 'target: ' + str(ev.target)],
  ];

  function quadChip(q) {
    return h('span', { class: 'quad ' + quadClass(q), title: QUAD_NAMES[q] || 'no quad class' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), QUAD_SHORT[q] || '–');
  }
  function goldCell(g) {
    const n = Number(g);
    const wrap = h('span', { class: 'gold ' + (n > 0 ? 'pos' : n < 0 ? 'neg' : 'zero') });
    const bar = h('span', { class: 'gold-bar', 'aria-hidden': 'true' });
    const fill = h('span', { class: 'gold-fill' });
    if (!Number.isNaN(n) && g !== null) {
      fill.style.width = (Math.min(10, Math.abs(n)) * 5) + '%';
      if (n < 0) fill.style.right = '50%'; else fill.style.left = '50%';
    }
    bar.append(fill);
    wrap.append(h('span', { class: 'gold-n', text: fmtGold(g) }), bar);
    return wrap;
  }
  const actorCell = (code, text) => h('span', { class: 'actor', title: str(text) }, code ? code : h('span', { class: 'muted', text: '—' }));

  // ---------- header: /api/info ----------
  async function loadInfo() {
    try {
      const info = await api('/api/info');
      const name = str(info.db).split('/').pop() || 'store';
      $('#store-name').textContent = name;
      $('#store-name').title = str(info.db);
      document.title = name + ' · herodotus';
      const counts = clear($('#store-counts'));
      const item = (n, what) => h('span', { class: 'count' }, h('b', { text: fmtInt(n) }), ' ' + what);
      counts.append(item(info.events, 'events'), item(info.documents, 'documents'), item(info.quotes, 'quotes'));
      if (info.first_date || info.last_date) {
        counts.append(h('span', { class: 'count' }, str(info.first_date) + ' – ' + str(info.last_date)));
      }
      $('#store-version').textContent = info.version ? 'v' + info.version : '';
    } catch (e) {
      reportError('Store', e);
    }
  }

  // ---------- loading the views ----------
  let views = null; // AbortController of the current set of requests
  function loadViews() {
    if (views) views.abort();
    views = new AbortController();
    const signal = views.signal;
    renderActiveFilters();
    clearError();
    loadEvents(false, signal);
    loadStats(signal);
    loadPlaces(signal);
    loadTop('dyads', signal);
    loadTop('actors', signal);
    loadTop('codes', signal);
  }

  // ---------- events table ----------
  const tbody = $('#events tbody');
  let eventsOffset = 0;

  function eventRow(ev) {
    const place = ev.place && ev.place.name ? ev.place : null;
    const tr = h('tr', { tabindex: '0', dataset: { id: str(ev.id) } });
    const dateTd = h('td', { class: 'c-date' }, h('span', { class: 'date' + (ev.date_basis === 'publication' ? ' date-pub' : ''), title: ev.date_basis === 'text' ? 'from the text: “' + str(ev.date_text) + '”' : ev.date_basis === 'publication' ? 'publication date' : 'undated', text: ev.date || 'undated' }));
    const codeTd = h('td', { class: 'c-code' }, h('span', { class: 'code', text: str(ev.code) }), ' ', h('span', { class: 'code-name', text: str(ev.event) }));
    const sent = h('td', { class: 'c-sentence' });
    sent.append(h('span', { class: 'sentence' }, highlighted(ev.sentence, eventMarks(ev))));
    const src = [ev.outlet, ev.title].filter(Boolean).join(' · ') || str(ev.doc_id);
    const meta = h('span', { class: 'sentence-meta', title: src, text: src });
    if (ev.articles > 1) meta.append(h('span', { class: 'badge', title: ev.articles + ' articles from ' + ev.sources + ' outlets report it', text: ev.articles + ' reports' }));
    sent.append(meta);
    tr.append(
      dateTd,
      h('td', { class: 'c-source' }, actorCell(ev.source, ev.source_text)),
      h('td', { class: 'c-target' }, actorCell(ev.target, ev.target_text)),
      codeTd,
      h('td', { class: 'c-quad' }, quadChip(ev.quad)),
      h('td', { class: 'c-gold' }, goldCell(ev.goldstein)),
      sent,
      h('td', { class: 'c-place' }, place ? h('span', { title: str(place.how) === 'dateline' ? 'from the dateline' : 'from the sentence' }, str(place.name), place.country ? h('span', { class: 'muted', text: ' ' + place.country }) : null) : h('span', { class: 'muted', text: '—' })),
    );
    if (state.event && String(ev.id) === String(state.event)) tr.classList.add('is-open');
    return tr;
  }

  async function loadEvents(more, signal) {
    const btn = $('#events-more');
    if (!more) eventsOffset = 0;
    const params = Object.assign({}, state.filters, { limit: PAGE, offset: eventsOffset || null });
    if (!eventsOffset) delete params.offset;
    try {
      const data = await api('/api/events', params, { signal, queue: true });
      const evs = Array.isArray(data.events) ? data.events : [];
      if (!more) clear(tbody);
      const frag = document.createDocumentFragment();
      for (const ev of evs) frag.append(eventRow(ev));
      tbody.append(frag);
      eventsOffset = (data.offset || 0) + evs.length;
      btn.hidden = !data.more;
      const n = tbody.rows.length;
      $('#events-count').textContent = fmtInt(n) + ' shown';
      $('#events-empty').hidden = n > 0;
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (!more) {
        clear(tbody);
        $('#events-count').textContent = '0 shown';
        btn.hidden = true;
      }
      reportError('Events', e);
    }
  }
  $('#events-more').addEventListener('click', (e) => {
    const btn = e.currentTarget;
    if (btn.disabled) return;
    btn.disabled = true;
    const last = tbody.rows.length;
    loadEvents(true, views ? views.signal : undefined).then(() => {
      btn.disabled = false;
      const row = tbody.rows[last];
      if (row) row.focus();
    });
  });

  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-id]');
    if (!tr) return;
    if (window.getSelection && String(window.getSelection()).length > 0) return; // selecting text
    openDetail(tr.dataset.id);
  });
  tbody.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr[data-id]');
    if (!tr) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openDetail(tr.dataset.id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      if (next) next.focus();
    }
  });

  // ---------- chart: /api/stats ----------
  let lastStats = null;
  let statsSeq = 0;
  async function loadStats(signal) {
    const params = Object.assign({}, state.filters, { by: state.by, group: state.group || null });
    const seq = ++statsSeq;
    try {
      const data = await api('/api/stats', params, { signal, queue: true });
      if (seq !== statsSeq) return; // a newer request (another period or split) answers instead
      lastStats = data;
      drawChart(data);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== statsSeq) return;
      lastStats = null;
      clear($('#chart'));
      clear($('#chart-legend'));
      reportError('Chart', e);
    }
  }

  function niceStep(max, ticks) {
    const raw = Math.max(1, max) / ticks;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const r = raw / mag;
    const step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
    return Math.max(1, Math.round(step));
  }

  function groupColor(group, key, index, keys) {
    if (group === 'quad') return QUAD_COLORS[key] || '#8a94a3';
    if (group === 'root') {
      const r = parseInt(key, 10);
      const q = r <= 5 ? 1 : r <= 8 ? 2 : r <= 14 ? 3 : 4;
      const hue = { 1: 212, 2: 152, 3: 33, 4: 5 }[q];
      const members = keys.filter((k) => {
        const x = parseInt(k, 10);
        return (x <= 5 ? 1 : x <= 8 ? 2 : x <= 14 ? 3 : 4) === q;
      });
      const i = members.indexOf(key);
      const [lo, hi] = { 1: [30, 68], 2: [28, 62], 3: [42, 72], 4: [30, 66] }[q];
      const light = members.length > 1 ? lo + (i * (hi - lo)) / (members.length - 1) : (lo + hi) / 2;
      return 'hsl(' + hue + ', ' + (q === 3 ? 72 : 52) + '%, ' + light.toFixed(0) + '%)';
    }
    return '#5b7fa8';
  }

  function periodLabel(p, by) {
    if (by === 'month' && /^\d{4}-\d{2}$/.test(p)) {
      const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][parseInt(p.slice(5), 10) - 1];
      return m ? m + ' ' + p.slice(0, 4) : p;
    }
    return p;
  }

  function drawChart(data) {
    const box = clear($('#chart'));
    const legend = clear($('#chart-legend'));
    const rows = Array.isArray(data.series) ? data.series : [];
    const by = data.by || state.by;
    const group = state.group;
    const periods = [];
    const seen = new Map();
    const groupKeys = [];
    const groupLabels = {};
    for (const r of rows) {
      const p = str(r.period);
      if (!seen.has(p)) { seen.set(p, { period: p, total: 0, stack: new Map(), gsum: 0, gn: 0 }); periods.push(p); }
      const cell = seen.get(p);
      const n = Number(r.events) || 0;
      const key = group ? str(r.group) : '';
      if (group && key && !groupKeys.includes(key)) groupKeys.push(key);
      if (group && key) groupLabels[key] = r.label || (group === 'root' ? ROOT_NAMES[key] : QUAD_NAMES[key]) || key;
      cell.total += n;
      cell.stack.set(key, (cell.stack.get(key) || 0) + n);
      if (r.goldstein !== null && r.goldstein !== undefined && n > 0) { cell.gsum += Number(r.goldstein) * n; cell.gn += n; }
    }
    periods.sort();
    groupKeys.sort((a, b) => (parseInt(a, 10) - parseInt(b, 10)) || a.localeCompare(b));
    const cells = periods.map((p) => seen.get(p));
    const total = cells.reduce((a, c) => a + c.total, 0);

    const width = Math.max(280, Math.floor(box.clientWidth || 600));
    const height = width < 500 ? 220 : 260;
    const m = { l: 40, r: 46, t: 14, b: 34 };
    const pw = width - m.l - m.r;
    const ph = height - m.t - m.b;
    const byWord = { day: 'day', week: 'week', month: 'month', year: 'year' }[by] || by;
    const desc = 'Events per ' + byWord + (group ? ' by ' + (group === 'quad' ? 'quad class' : 'CAMEO root') : '') +
      ': ' + fmtInt(total) + ' events in ' + periods.length + ' periods' + (periods.length ? ', ' + periods[0] + ' to ' + periods[periods.length - 1] : '') +
      '; the line is the mean Goldstein weight (right axis, −10 to +10).';
    const svg = s('svg', {
      width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': desc,
      class: 'chart-svg', dataset: { total: String(total), periods: String(periods.length) },
    });
    svg.append(s('title', { text: desc }));

    if (!cells.length) {
      svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty', text: 'No dated events pass these filters.' }));
      box.append(svg);
      noteUndated(data);
      return;
    }

    const maxY = Math.max(1, ...cells.map((c) => c.total));
    const step = niceStep(maxY, 4);
    const top = Math.ceil(maxY / step) * step;
    const y = (v) => m.t + ph - (v / top) * ph;
    const yg = (g) => m.t + ph - ((g + 10) / 20) * ph;
    const band = pw / cells.length;
    const bw = Math.max(1, Math.min(56, band * 0.72));
    const x = (i) => m.l + band * i + band / 2;

    // grid and left axis (events)
    const grid = s('g', { class: 'grid' });
    for (let v = 0; v <= top; v += step) {
      grid.append(s('line', { x1: m.l, x2: m.l + pw, y1: y(v), y2: y(v) }));
      svg.append(s('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick', text: fmtInt(v) }));
    }
    svg.insertBefore(grid, svg.children[1] || null);
    svg.append(s('text', { x: 12, y: m.t + ph / 2, class: 'axis-label', 'text-anchor': 'middle', transform: 'rotate(-90 12 ' + (m.t + ph / 2) + ')', text: 'events' }));
    // right axis (Goldstein)
    for (const g of [-10, -5, 0, 5, 10]) {
      svg.append(s('text', { x: m.l + pw + 6, y: yg(g) + 4, class: 'tick tick-g', text: g > 0 ? '+' + g : g < 0 ? '−' + Math.abs(g) : '0' }));
    }
    svg.append(s('line', { x1: m.l, x2: m.l + pw, y1: yg(0), y2: yg(0), class: 'zero-g' }));
    svg.append(s('text', { x: width - 8, y: m.t + ph / 2, class: 'axis-label', 'text-anchor': 'middle', transform: 'rotate(90 ' + (width - 8) + ' ' + (m.t + ph / 2) + ')', text: 'Goldstein' }));

    // bars
    const bars = s('g', { class: 'bars' });
    cells.forEach((c, i) => {
      let acc = 0;
      const keys = group ? groupKeys : [''];
      for (const k of keys) {
        const n = c.stack.get(k) || 0;
        if (!n) continue;
        const y0 = y(acc);
        const y1 = y(acc + n);
        const label = group ? groupLabels[k] : 'events';
        bars.append(s('rect', {
          x: (x(i) - bw / 2).toFixed(1), y: y1.toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, y0 - y1).toFixed(1),
          fill: groupColor(group, k, 0, groupKeys), class: 'bar',
        }, s('title', { text: c.period + (group ? ' · ' + (group === 'root' ? k + ' ' : '') + label : '') + ': ' + fmtInt(n) + ' events' })));
        acc += n;
      }
    });
    svg.append(bars);

    // x labels
    const maxLabels = Math.max(2, Math.floor(pw / (by === 'day' || by === 'week' ? 78 : 62)));
    const every = Math.ceil(cells.length / maxLabels);
    cells.forEach((c, i) => {
      if (i % every !== 0) return;
      svg.append(s('text', { x: x(i), y: m.t + ph + 16, 'text-anchor': 'middle', class: 'tick', text: periodLabel(c.period, by) }));
      svg.append(s('line', { x1: x(i), x2: x(i), y1: m.t + ph, y2: m.t + ph + 4, class: 'axis' }));
    });
    svg.append(s('line', { x1: m.l, x2: m.l + pw, y1: m.t + ph, y2: m.t + ph, class: 'axis' }));

    // mean Goldstein line (broken where a period has none)
    let d = '';
    let pen = false;
    const dots = s('g', { class: 'gdots' });
    cells.forEach((c, i) => {
      if (!c.gn) { pen = false; return; }
      const g = c.gsum / c.gn;
      d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ',' + yg(g).toFixed(1);
      pen = true;
      dots.append(s('circle', { cx: x(i).toFixed(1), cy: yg(g).toFixed(1), r: 3, class: 'gdot' },
        s('title', { text: c.period + ': mean Goldstein ' + fmtGold(g) + ' over ' + fmtInt(c.gn) + ' events' })));
    });
    if (d) svg.append(s('path', { d, class: 'gline', fill: 'none' }));
    svg.append(dots);
    box.append(svg);

    // legend
    const keys = group ? groupKeys : [''];
    for (const k of keys) {
      const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.backgroundColor = groupColor(group, k, 0, groupKeys);
      legend.append(h('span', { class: 'legend-item' }, sw, group ? (group === 'root' ? k + ' ' : '') + groupLabels[k] : 'events (left axis)'));
    }
    legend.append(h('span', { class: 'legend-item' }, h('span', { class: 'swatch swatch-line', 'aria-hidden': 'true' }), 'mean Goldstein (right axis)'));
    noteUndated(data);
  }
  function noteUndated(data) {
    if (data.undated > 0) $('#chart-legend').append(h('span', { class: 'legend-item muted', text: fmtInt(data.undated) + ' undated events not drawn' }));
  }

  let resizeTimer = 0;
  let lastWidth = window.innerWidth;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (window.innerWidth === lastWidth) return;
      lastWidth = window.innerWidth;
      if (lastStats) drawChart(lastStats);
      if ($('#map svg')) drawMap(lastPlaces);
    }, 120);
  });

  $('#chart-by').addEventListener('change', (e) => {
    state.by = e.target.value;
    writeUrl(true);
    loadStats(views ? views.signal : undefined);
  });
  $('#chart-group').addEventListener('change', (e) => {
    state.group = e.target.value;
    writeUrl(true);
    loadStats(views ? views.signal : undefined);
  });

  // ---------- top dyads, actors, codes: /api/top ----------
  async function loadTop(what, signal) {
    const el = $('#top-' + what);
    try {
      const data = await api('/api/top', Object.assign({}, state.filters, { what, limit: 10 }), { signal, queue: true });
      const rows = Array.isArray(data.rows) ? data.rows : [];
      clear(el);
      $('#top-' + what + '-empty').hidden = rows.length > 0;
      const max = Math.max(1, ...rows.map((r) => Number(r.events) || 0));
      for (const r of rows) {
        let label;
        let title;
        let onclick;
        if (what === 'dyads') {
          label = h('span', { class: 'top-name' }, h('span', { class: 'actor', text: str(r.source) || '—' }), h('span', { class: 'arrow', 'aria-hidden': 'true', text: ' → ' }), h('span', { class: 'actor', text: str(r.target) || '—' }));
          title = 'Filter by the dyad ' + str(r.source) + ':' + str(r.target) + ' (mean Goldstein ' + fmtGold(r.goldstein) + ')';
          onclick = () => setFilter('dyad', str(r.source) + ':' + str(r.target));
        } else if (what === 'actors') {
          label = h('span', { class: 'top-name' }, h('span', { class: 'actor', text: str(r.actor) }), h('span', { class: 'muted small', text: '  ' + fmtInt(r.as_source) + ' as source, ' + fmtInt(r.as_target) + ' as target' }));
          title = 'Filter by the actor ' + str(r.actor);
          onclick = () => setFilter('actor', str(r.actor));
        } else {
          label = h('span', { class: 'top-name' }, h('span', { class: 'code', text: str(r.code) }), ' ', h('span', { class: 'code-name', text: str(r.event) }));
          title = 'Filter by the code ' + str(r.code) + ' ' + str(r.event);
          onclick = () => setFilter('code', str(r.code));
        }
        const bar = h('span', { class: 'top-bar', 'aria-hidden': 'true' });
        const fill = h('span', { class: 'top-fill' });
        fill.style.width = ((Number(r.events) || 0) / max * 100).toFixed(1) + '%';
        if (what !== 'actors' && r.goldstein !== null && r.goldstein !== undefined) {
          fill.classList.add(r.goldstein > 0 ? 'pos' : r.goldstein < 0 ? 'neg' : 'zero');
        }
        bar.append(fill);
        const btn = h('button', { type: 'button', class: 'top-item', title, 'aria-label': title + ': ' + r.events + ' events', onclick },
          label, h('span', { class: 'top-n', text: fmtInt(r.events) }), bar);
        el.append(h('li', null, btn));
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
      clear(el);
      reportError('Top ' + what, e);
    }
  }

  // ---------- map: /api/places ----------
  const MAP = { w: 720, h: 280, lat0: 80, lat1: -60 };
  const px = (lon) => ((Math.max(-180, Math.min(180, lon)) + 180) / 360) * MAP.w;
  const py = (lat) => ((MAP.lat0 - Math.max(MAP.lat1, Math.min(MAP.lat0, lat))) / (MAP.lat0 - MAP.lat1)) * MAP.h;

  async function loadPlaces(signal) {
    try {
      const data = await api('/api/places', Object.assign({}, state.filters, { limit: 500 }), { signal, queue: true });
      drawMap(Array.isArray(data.places) ? data.places : []);
    } catch (e) {
      if (e.name === 'AbortError') return;
      lastPlaces = [];
      clear($('#map'));
      clear($('#place-list'));
      $('#map-note').textContent = '';
      $('#map-zoom').hidden = true;
      reportError('Map', e);
    }
  }

  let mapMode = 'fit';
  let lastPlaces = [];
  $('#map-zoom').addEventListener('click', () => {
    mapMode = mapMode === 'fit' ? 'world' : 'fit';
    drawMap(lastPlaces);
  });

  // The part of the world the map shows: all of it, or the places' box with a
  // margin, at the world's aspect ratio.
  function mapView(places) {
    const world = { x: 0, y: 0, w: MAP.w, h: MAP.h };
    const pts = places.filter((p) => Number.isFinite(Number(p.lat)) && Number.isFinite(Number(p.lon)) && p.lat !== null && p.lon !== null);
    if (mapMode === 'world' || !pts.length) return world;
    const xs = pts.map((p) => px(Number(p.lon)));
    const ys = pts.map((p) => py(Number(p.lat)));
    const pad = 36;
    let x0 = Math.min(...xs) - pad;
    let x1 = Math.max(...xs) + pad;
    let y0 = Math.min(...ys) - pad;
    let y1 = Math.max(...ys) + pad;
    let w = Math.max(x1 - x0, 150);
    let hgt = Math.max(y1 - y0, 150 * MAP.h / MAP.w);
    const aspect = 1.9; // a zoomed map is a little taller than the world's strip
    if (w / hgt > aspect) hgt = w / aspect; else w = hgt * aspect;
    if (w >= MAP.w * 0.8 || hgt >= MAP.h) return world;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const x = Math.min(Math.max(0, cx - w / 2), MAP.w - w);
    const y = Math.min(Math.max(0, cy - hgt / 2), MAP.h - hgt);
    return { x, y, w, h: hgt };
  }

  function drawMap(places) {
    lastPlaces = places;
    const box = clear($('#map'));
    const listEl = clear($('#place-list'));
    const total = places.reduce((a, p) => a + (Number(p.events) || 0), 0);
    const v = mapView(places);
    const k = MAP.w / v.w; // zoom
    const u = v.w / Math.max(200, box.clientWidth || 400); // map units per screen pixel: sizes stay the same on screen
    const zoomBtn = $('#map-zoom');
    zoomBtn.textContent = mapMode === 'fit' ? 'Show the world' : 'Fit the places';
    zoomBtn.hidden = !places.length;
    const desc = 'Map of ' + places.length + ' places with ' + fmtInt(total) + ' events (equirectangular projection, ' +
      (k > 1.01 ? 'zoomed to the places' : 'the world') + '); a circle’s area is its number of events.';
    const svg = s('svg', { viewBox: [v.x, v.y, v.w, v.h].map((n) => n.toFixed(2)).join(' '), role: 'group', 'aria-label': desc, class: 'map-svg', preserveAspectRatio: 'xMidYMid meet' });
    svg.append(s('title', { text: desc }));
    svg.append(s('rect', { x: 0, y: 0, width: MAP.w, height: MAP.h, class: 'sea' }));
    const step = k >= 3 ? 10 : 30;
    const grat = s('g', { class: 'graticule' });
    for (let lon = -180 + step; lon < 180; lon += step) {
      grat.append(s('line', { x1: px(lon), x2: px(lon), y1: 0, y2: MAP.h, class: lon === 0 ? 'prime' : lon % 30 ? 'minor' : null, 'vector-effect': 'non-scaling-stroke' }));
    }
    for (let lat = -60 + step; lat < 80; lat += step) {
      grat.append(s('line', { x1: 0, x2: MAP.w, y1: py(lat), y2: py(lat), class: lat === 0 ? 'prime' : lat % 30 ? 'minor' : null, 'vector-effect': 'non-scaling-stroke' }));
    }
    svg.append(grat);
    const fs = 9 * u;
    const labels = s('g', { class: 'grat-labels', 'aria-hidden': 'true', 'font-size': fs.toFixed(2) });
    const deg = (d, pos, neg) => (d === 0 ? '0°' : Math.abs(d) + '°' + (d > 0 ? pos : neg));
    for (let lat = -60 + step; lat < 80; lat += step) {
      if (py(lat) > v.y + fs * 1.5 && py(lat) < v.y + v.h - fs) labels.append(s('text', { x: v.x + 3 * u, y: py(lat) - 3 * u, text: deg(lat, 'N', 'S') }));
    }
    const lonStep = k >= 3 ? 10 : 60;
    for (let lon = -180 + lonStep; lon < 180; lon += lonStep) {
      if (px(lon) > v.x + fs * 3 && px(lon) < v.x + v.w - fs * 3) labels.append(s('text', { x: px(lon) + 3 * u, y: v.y + v.h - 4 * u, text: deg(lon, 'E', 'W') }));
    }
    svg.append(labels);

    const max = Math.max(1, ...places.map((p) => Number(p.events) || 0));
    const radius = (n) => Math.max(3, 16 * Math.sqrt(n / max)) * u;
    const sorted = places.slice().sort((a, b) => (b.events || 0) - (a.events || 0));
    const dots = s('g', { class: 'places' });
    for (const p of sorted) {
      const lat = Number(p.lat);
      const lon = Number(p.lon);
      const n = Number(p.events) || 0;
      const known = Number.isFinite(lat) && Number.isFinite(lon) && p.lat !== null && p.lon !== null;
      const name = str(p.name) + (p.country ? ' (' + p.country + ')' : '');
      const c = s('circle', {
        cx: known ? px(lon).toFixed(2) : -100, cy: known ? py(lat).toFixed(2) : -100, r: radius(n).toFixed(2),
        class: 'place' + (p.country ? ' has-country' : ''), dataset: { country: str(p.country), events: String(n) },
        // keyboard: each circle is a stop while there are few; the list below names the biggest
        tabindex: p.country && places.length <= 40 ? '0' : null, role: p.country ? 'button' : null, 'vector-effect': 'non-scaling-stroke',
        'aria-label': name + ': ' + fmtInt(n) + ' events' + (p.country ? '; filter by ' + p.country : ''),
      }, s('title', { text: name + ': ' + fmtInt(n) + (n === 1 ? ' event' : ' events') + (p.country ? ' (click: filter by ' + p.country + ')' : '') }));
      if (p.country) {
        const go = () => setFilter('country', str(p.country));
        c.addEventListener('click', go);
        c.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
      }
      dots.append(c);
    }
    svg.append(dots);
    // names of the biggest places, where they do not cover one another
    const lfs = 11 * u;
    const names = s('g', { class: 'place-names', 'aria-hidden': 'true', 'font-size': lfs.toFixed(2), 'stroke-width': (3 * u).toFixed(2) });
    const taken = [];
    for (const p of sorted.slice(0, 12)) {
      const lat = Number(p.lat);
      const lon = Number(p.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || p.lat === null || p.lon === null) continue;
      const r = radius(Number(p.events) || 0);
      const xx = px(lon);
      const yy = py(lat);
      const wid = str(p.name).length * lfs * 0.6;
      const right = xx + r + 3 * u + wid < v.x + v.w;
      const bx = right ? xx + r + 3 * u : xx - r - 3 * u - wid;
      const rect = { x0: bx, x1: bx + wid, y0: yy - lfs * 0.8, y1: yy + lfs * 0.4 };
      if (taken.some((t) => rect.x0 < t.x1 && rect.x1 > t.x0 && rect.y0 < t.y1 && rect.y1 > t.y0)) continue;
      taken.push(rect);
      names.append(s('text', { x: (right ? bx : bx + wid).toFixed(2), y: (yy + lfs * 0.35).toFixed(2), 'text-anchor': right ? 'start' : 'end', text: str(p.name) }));
    }
    svg.append(names);
    box.append(svg);
    $('#map-note').textContent = places.length ? fmtInt(places.length) + (places.length === 1 ? ' place' : ' places') : 'no places';

    for (const p of sorted.slice(0, 8)) {
      const li = h('li', null);
      const label = [h('span', { class: 'pl-name', text: str(p.name) }), p.country ? h('span', { class: 'muted', text: ' ' + p.country }) : null, h('span', { class: 'pl-n', text: fmtInt(p.events) })];
      if (p.country) li.append(h('button', { type: 'button', class: 'place-item', title: 'Filter by the country ' + p.country, onclick: () => setFilter('country', str(p.country)) }, label));
      else li.append(h('span', { class: 'place-item' }, label));
      listEl.append(li);
    }
  }

  // ---------- event detail: /api/events/{id} ----------
  const detail = $('#detail');
  let detailReturn = null;
  let detailCtl = null;

  function kv(dl, key, ...value) {
    const vals = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
    if (!vals.length) return;
    dl.append(h('dt', { text: key }), h('dd', null, vals));
  }
  const mono = (t) => h('code', { class: 'mono', text: str(t) });

  async function openDetail(id, fromUrl) {
    if (!fromUrl) {
      const a = document.activeElement;
      if (a && a !== document.body && !detail.contains(a)) detailReturn = a;
      state.event = String(id);
      writeUrl(false);
    }
    for (const tr of tbody.querySelectorAll('tr.is-open')) tr.classList.remove('is-open');
    const row = tbody.querySelector('tr[data-id="' + CSS.escape(String(id)) + '"]');
    if (row) row.classList.add('is-open');
    detail.hidden = false;
    document.body.classList.add('detail-open');
    $('#detail-title').textContent = 'Event ' + id;
    clear($('#detail-sentence')).append(h('span', { class: 'muted', text: 'Loading…' }));
    for (const sel of ['#detail-fields', '#detail-document', '#detail-reports', '#detail-quote', '#detail-explain']) clear($(sel));
    $('#detail-title').focus();
    if (detailCtl) detailCtl.abort();
    detailCtl = new AbortController();
    try {
      const data = await api('/api/events/' + encodeURIComponent(id), null, { signal: detailCtl.signal });
      renderDetail(data);
    } catch (e) {
      if (e.name === 'AbortError') return;
      clear($('#detail-sentence')).append(h('span', { class: 'muted', text: 'This event could not be loaded.' }));
      reportError('Event ' + id, e);
    }
  }

  function renderDetail(data) {
    const ev = data.event || {};
    $('#detail-title').textContent = (ev.source || '—') + ' → ' + (ev.target || '—') + ' · ' + str(ev.code) + ' ' + str(ev.event);
    const sent = clear($('#detail-sentence'));
    sent.append(highlighted(ev.sentence, eventMarks(ev)));

    const dl = clear($('#detail-fields'));
    kv(dl, 'Date', h('span', { class: 'mono', text: ev.date || 'undated' }),
      ev.date_basis === 'text' ? ' from the text: “' + str(ev.date_text) + '”' : ev.date_basis === 'publication' ? ' (publication date)' : '');
    kv(dl, 'Source', mono(ev.source || '—'), ev.source_text ? ' ' + ev.source_text : '');
    kv(dl, 'Target', mono(ev.target || '—'), ev.target_text ? ' ' + ev.target_text : '');
    kv(dl, 'Event', mono(ev.code), ' ' + str(ev.event), ev.root ? h('span', { class: 'muted', text: ' · root ' + ev.root + (ROOT_NAMES[ev.root] ? ' ' + ROOT_NAMES[ev.root] : '') }) : '');
    kv(dl, 'Verb', ev.verb_text);
    kv(dl, 'Quad class', h('span', { class: 'quad ' + quadClass(ev.quad) }, h('span', { class: 'dot', 'aria-hidden': 'true' }), String(ev.quad || '–') + ' ' + (QUAD_NAMES[ev.quad] || '')));
    kv(dl, 'Goldstein', goldCell(ev.goldstein));
    kv(dl, 'PLOVER', ev.plover);
    if (ev.place && ev.place.name) {
      kv(dl, 'Place', str(ev.place.name), ev.place.country ? ' ' + ev.place.country : '',
        h('span', { class: 'muted', text: (Number.isFinite(ev.place.lat) ? ' · ' + Number(ev.place.lat).toFixed(2) + ', ' + Number(ev.place.lon).toFixed(2) : '') + (ev.place.how ? ' · from the ' + ev.place.how : '') }));
    }
    if (ev.articles) kv(dl, 'Reported by', fmtInt(ev.articles) + (ev.articles === 1 ? ' article' : ' articles') + ', ' + fmtInt(ev.sources) + (ev.sources === 1 ? ' outlet' : ' outlets'));

    const docBox = clear($('#detail-document'));
    const d = data.document;
    if (d) {
      if (d.title) docBox.append(h('p', { class: 'doc-title', text: d.title }));
      const ddl = h('dl', { class: 'kv' });
      kv(ddl, 'Outlet', d.outlet);
      if (d.url) kv(ddl, 'URL', h('a', { href: safeUrl(d.url), rel: 'noopener noreferrer', target: '_blank', class: 'url', text: d.url }));
      kv(ddl, 'Published', d.pubdate);
      kv(ddl, 'Author', d.author);
      kv(ddl, 'Dateline', d.dateline);
      kv(ddl, 'Document', mono(d.doc_id));
      kv(ddl, 'Language', d.language);
      docBox.append(ddl);
    } else {
      docBox.append(h('p', { class: 'muted', text: 'No document stored.' }));
    }

    const reports = clear($('#detail-reports'));
    const reps = Array.isArray(data.reports) ? data.reports : [];
    $('#detail-reports-section').hidden = false;
    if (!reps.length) reports.append(h('li', { class: 'muted', text: 'No other article reports this event.' }));
    for (const r of reps) {
      const li = h('li', null);
      li.append(h('button', { type: 'button', class: 'linklike', onclick: () => openDetail(r.id), text: r.title || r.doc_id || ('event ' + r.id) }));
      const bits = [r.outlet, r.pubdate].filter(Boolean).join(' · ');
      if (bits) li.append(h('span', { class: 'muted', text: ' ' + bits }));
      if (r.url) li.append(' ', h('a', { href: safeUrl(r.url), rel: 'noopener noreferrer', target: '_blank', class: 'url small', text: 'link' }));
      reports.append(li);
    }

    const qbox = clear($('#detail-quote'));
    const q = data.quote;
    $('#detail-quote-section').hidden = !q;
    if (q) {
      qbox.append(h('blockquote', { class: 'quote', text: str(q.text) }));
      const qdl = h('dl', { class: 'kv' });
      kv(qdl, 'Speaker', str(q.speaker) || '—', q.speaker_code ? [' ', mono(q.speaker_code)] : '', q.how ? h('span', { class: 'muted', text: ' · ' + q.how }) : '');
      kv(qdl, 'Kind', q.kind);
      const via = Array.isArray(q.via) ? q.via : [];
      if (via.length) kv(qdl, 'Via', viaChain(via));
      qbox.append(qdl);
    }

    const ex = clear($('#detail-explain'));
    const e = data.explain;
    if (!e) {
      ex.append(h('p', { class: 'muted', text: 'No explanation: the article, coded again with the current dictionaries, no longer gives this event (they changed since it was stored), or it is over 4 MB and is not coded again.' }));
    } else {
      const edl = h('dl', { class: 'kv' });
      kv(edl, 'Rule', e.rule || ev.rule);
      kv(edl, 'Verb entry', e.verb ? mono(e.verb) : '');
      kv(edl, 'Noun entry', e.noun ? mono(e.noun) : '');
      kv(edl, 'Source entry', e.source ? mono(e.source) : '');
      kv(edl, 'Source agent', e.source_agent ? mono(e.source_agent) : '');
      kv(edl, 'Target entry', e.target ? mono(e.target) : '');
      kv(edl, 'Target agent', e.target_agent ? mono(e.target_agent) : '');
      ex.append(edl);
      const dropped = Array.isArray(e.dropped) ? e.dropped : [];
      if (dropped.length) {
        ex.append(h('h4', { class: 'sub-sub', text: 'Dropped candidates in this sentence' }));
        const ul = h('ul', { class: 'dropped' });
        for (const dr of dropped) {
          ul.append(h('li', null, h('span', { class: 'why', text: str(dr.why || dr.dropped) }), ' ', dr.code ? mono(dr.code) : '', ' ', str(dr.words), dr.entry ? [' ', h('span', { class: 'muted', text: '(' }), mono(dr.entry), h('span', { class: 'muted', text: ')' })] : ''));
        }
        ex.append(ul);
      } else {
        ex.append(h('p', { class: 'muted small', text: 'No candidate of this sentence was dropped.' }));
      }
    }
  }

  function viaChain(via) {
    const span = h('span', { class: 'via' });
    via.forEach((v, i) => {
      if (i) span.append(h('span', { class: 'arrow', 'aria-hidden': 'true', text: ' → ' }));
      span.append(h('span', { text: str(v.name) }), h('span', { class: 'muted small', text: ' ' + str(v.kind) }));
    });
    return span;
  }

  function safeUrl(u) {
    try {
      const url = new URL(u, location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
    } catch (e) {
      return '#';
    }
  }

  function closeDetail() {
    if (detail.hidden) return;
    if (detailCtl) detailCtl.abort();
    detail.hidden = true;
    document.body.classList.remove('detail-open');
    const id = state.event;
    state.event = null;
    writeUrl(false);
    for (const tr of tbody.querySelectorAll('tr.is-open')) tr.classList.remove('is-open');
    let back = detailReturn && document.contains(detailReturn) && detailReturn !== document.body ? detailReturn : null;
    if (!back && id) back = tbody.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
    detailReturn = null;
    if (back) back.focus();
  }

  function syncDetail() {
    if (state.event) openDetail(state.event, true);
    else if (!detail.hidden) {
      detail.hidden = true;
      document.body.classList.remove('detail-open');
    }
  }

  $('#detail-close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !detail.hidden) {
      e.preventDefault();
      closeDetail();
      return;
    }
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const t = e.target;
      const typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (!typing) {
        e.preventDefault();
        F.text.focus();
        F.text.select();
      }
    }
  });

  // ---------- code an article: POST /api/code ----------
  const SAMPLE = 'ANKARA, March 4 - Turkish Foreign Minister Hakan Fidan met Greek Foreign Minister George Gerapetritis in Ankara on Monday, and the two ministers pledged to expand trade between their countries.\n\n' +
    'Hundreds of farmers protested outside the parliament in Athens on Tuesday against rising fuel prices, and Greek police arrested ten demonstrators.';
  $('#code-sample').addEventListener('click', () => {
    $('#code-text').value = SAMPLE;
    $('#code-date').value = '2024-03-06';
    $('#code-text').focus();
  });
  $('#code-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      runCode();
    }
  });
  $('#code-run').addEventListener('click', runCode);

  let codeCtl = null;
  async function runCode() {
    const text = $('#code-text').value;
    const date = $('#code-date').value;
    const status = $('#code-status');
    const evBox = $('#code-events');
    const qBox = $('#code-quotes');
    if (!text.trim()) {
      status.textContent = 'Paste an article first.';
      $('#code-text').focus();
      return;
    }
    if (codeCtl) codeCtl.abort();
    codeCtl = new AbortController();
    const btn = $('#code-run');
    btn.disabled = true;
    btn.textContent = 'Coding…';
    status.textContent = '';
    const body = { text };
    if (date) body.date = date;
    try {
      const data = await api('/api/code', null, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: codeCtl.signal,
      });
      clear(evBox);
      clear(qBox);
      const evs = Array.isArray(data.events) ? data.events : [];
      const quotes = Array.isArray(data.quotes) ? data.quotes : [];
      const dropped = Array.isArray(data.dropped) ? data.dropped : [];
      for (const ev of evs) evBox.append(codeCard(ev));
      for (const q of quotes) qBox.append(quoteCard(q));
      $('#code-results').hidden = false;
      $('#code-events-empty').hidden = evs.length > 0;
      $('#code-quotes-empty').hidden = quotes.length > 0;
      const notEnglish = !evs.length && data.language && !['en', 'und', ''].includes(data.language);
      status.textContent = (notEnglish ? 'The text is not English (' + data.language + '): ' : '') + fmtInt(evs.length) + (evs.length === 1 ? ' event, ' : ' events, ') + fmtInt(quotes.length) + (quotes.length === 1 ? ' quote' : ' quotes') +
        ' in ' + fmtInt(data.sentences) + ' sentences' + (dropped.length ? '; ' + fmtInt(dropped.length) + (dropped.length === 1 ? ' candidate' : ' candidates') + ' dropped' : '') + '.';
    } catch (e) {
      if (e.name === 'AbortError') return;
      status.textContent = 'Could not code the article.';
      reportError('Code', e);
    } finally {
      btn.disabled = false;
      btn.textContent = 'Code the article';
    }
  }

  function codeCard(ev) {
    const li = h('li', { class: 'card', dataset: { code: str(ev.code) } });
    const head = h('div', { class: 'card-head' },
      h('span', { class: 'date', text: ev.date || 'undated' }),
      h('span', { class: 'actor', text: ev.source || '—' }), h('span', { class: 'arrow', 'aria-hidden': 'true', text: '→' }),
      h('span', { class: 'actor', text: ev.target || '—' }),
      h('span', { class: 'code', text: str(ev.code) }), h('span', { class: 'code-name', text: str(ev.event) }),
      quadChip(ev.quad), goldCell(ev.goldstein));
    li.append(head, h('p', { class: 'sentence' }, highlighted(ev.text, eventMarks(ev))));
    const bits = [];
    if (ev.place && ev.place.name) bits.push('place: ' + ev.place.name + (ev.place.country ? ' ' + ev.place.country : ''));
    if (ev.rule) bits.push('rule: ' + ev.rule);
    if (ev.explain && ev.explain.verb) bits.push('verb: ' + ev.explain.verb);
    if (ev.quote_id) bits.push('in quote ' + ev.quote_id);
    if (bits.length) li.append(h('p', { class: 'card-meta', text: bits.join(' · ') }));
    return li;
  }

  function quoteCard(q) {
    const li = h('li', { class: 'card quote-card' });
    li.append(h('blockquote', { class: 'quote', text: str(q.text) }));
    const sp = q.speaker && typeof q.speaker === 'object' ? q.speaker : { name: q.speaker, code: q.speaker_code, how: q.how, role: q.role };
    const meta = h('p', { class: 'card-meta' }, '— ', h('b', { text: str(sp.name) || 'unattributed' }));
    if (sp.code) meta.append(' ', mono(sp.code));
    if (sp.role) meta.append(h('span', { class: 'muted', text: ', ' + sp.role }));
    if (sp.how) meta.append(h('span', { class: 'muted', text: ' · ' + sp.how }));
    if (q.kind) meta.append(h('span', { class: 'muted', text: ' · ' + q.kind }));
    li.append(meta);
    const via = Array.isArray(q.via) ? q.via : [];
    if (via.length) li.append(h('p', { class: 'card-meta' }, 'via ', viaChain(via)));
    return li;
  }

  // ---------- start ----------
  readUrl();
  fillForm();
  setLoading(+1); // until the first requests are out
  loadInfo();
  loadViews();
  if (state.event) openDetail(state.event, true);
  setLoading(-1);
})();
