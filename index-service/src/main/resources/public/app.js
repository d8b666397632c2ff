// pantau monitoring page: plain DOM, no frameworks. Every piece of data is set with textContent or
// attributes, never parsed as HTML. The API key lives in sessionStorage (this tab only).
'use strict';

(function () {
  const KEY_STORE = 'pantau.apiKey';
  const FILTERS = ['outlet', 'region', 'official', 'organisation', 'topic'];
  const FACETS = [['region', 'Regions'], ['official', 'Officials'], ['organisation', 'Organisations'], ['outlet', 'Outlets'], ['topic', 'Topics']];
  const FACET_NAMES = { region: ['region_codes', 'region_names'], official: ['official_ids', 'official_names'], organisation: ['organisation_ids', 'organisation_names'] };
  const PAGE_SIZE = 20;
  const FEED_MAX = 50;
  const SVG = 'http://www.w3.org/2000/svg';

  const $ = (id) => document.getElementById(id);
  const searchForm = $('search-form');
  let page = 0;
  let feed = null;
  let feedFilters = null; // the filter query the open feed was asked for, e.g. "outlet=x&topic=y"
  let alertsTimer = null;

  // el('li', {class: 'x'}, 'text', child): attributes via setAttribute, strings become text nodes.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function key() { return sessionStorage.getItem(KEY_STORE); }
  function say(text) { $('message').textContent = text || ''; }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, params) {
    if (!key()) throw new ApiError(401, 'enter an API key first');
    const query = params && params.toString() ? '?' + params.toString() : '';
    const response = await fetch(path + query, { headers: { 'X-Api-Key': key(), 'Accept': 'application/json' } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error : 'HTTP ' + response.status;
      if (response.status === 401 || response.status === 403) dropKey();
      throw new ApiError(response.status, message);
    }
    return body;
  }

  function fail(what, error) { say(what + ': ' + error.message); }

  // ---- API key ----
  function showKeyForm() {
    $('key-form').hidden = false;
    $('key-status').hidden = true;
  }

  function keyReady() {
    $('key-form').hidden = true;
    $('key-status').hidden = false;
    say('');
    search(); // opens the live feed with the same filters once the search is answered
    loadAlerts();
    if (alertsTimer) clearInterval(alertsTimer);
    alertsTimer = setInterval(loadAlerts, 15000);
  }

  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('key-input').value.trim();
    if (!value) return;
    sessionStorage.setItem(KEY_STORE, value);
    $('key-input').value = '';
    keyReady();
  });

  // Forgets the key, stops the feed and the alert polling and clears what the key had shown.
  function dropKey() {
    sessionStorage.removeItem(KEY_STORE);
    if (feed) { feed.close(); feed = null; }
    feedFilters = null;
    if (alertsTimer) { clearInterval(alertsTimer); alertsTimer = null; }
    setFeedStatus('off', '');
    for (const id of ['results', 'feed', 'feed-filters', 'alerts', 'facet-lists', 'chart']) $(id).replaceChildren();
    $('total').textContent = '';
    showKeyForm();
  }

  $('key-forget').addEventListener('click', () => { dropKey(); say(''); });

  // ---- search ----
  function filterParams() {
    const params = new URLSearchParams();
    const data = new FormData(searchForm);
    for (const name of ['q', ...FILTERS, 'from', 'to']) {
      const value = String(data.get(name) || '').trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  async function search() {
    const filters = filterParams();
    const params = new URLSearchParams(filters);
    params.set('page', String(page));
    params.set('size', String(PAGE_SIZE));
    try {
      const result = await api('/api/search', params);
      say('');
      renderResults(result);
      renderFacets(result);
      // The feed follows the filters of the results on screen; a filter rejected by search never reaches it.
      if (filters.toString() !== feedFilters) connectFeed(filters);
    } catch (error) {
      fail('search', error);
    }
  }

  searchForm.addEventListener('submit', (event) => { event.preventDefault(); page = 0; search(); });
  searchForm.addEventListener('reset', () => { page = 0; setTimeout(search, 0); });
  $('prev').addEventListener('click', () => { if (page > 0) { page--; search(); } });
  $('next').addEventListener('click', () => { page++; search(); });

  function formatDate(millis) {
    if (typeof millis !== 'number') return '';
    return new Date(millis).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function chips(doc) {
    const box = el('div', { class: 'chips' });
    for (const name of doc.region_names || []) box.append(el('span', { class: 'chip region' }, name));
    for (const name of doc.official_names || []) box.append(el('span', { class: 'chip official' }, name));
    for (const name of doc.organisation_names || []) box.append(el('span', { class: 'chip organisation' }, name));
    for (const topic of doc.topics || []) box.append(el('span', { class: 'chip topic' }, topic));
    return box;
  }

  function articleItem(doc) {
    const url = safeUrl(doc.url);
    const title = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, doc.title || doc.article_id)
      : el('span', {}, doc.title || doc.article_id);
    const toggle = el('button', { type: 'button', 'aria-expanded': 'false' }, 'Details');
    const item = el('li', { 'data-article-id': doc.article_id },
      el('div', { class: 'title' }, title),
      el('div', { class: 'meta' }, [doc.outlet, formatDate(doc.published_at), doc.section].filter(Boolean).join(' · ')),
      doc.lead ? el('p', {}, doc.lead) : null,
      chips(doc),
      toggle);
    toggle.addEventListener('click', () => toggleDetails(item, toggle, doc.article_id));
    return item;
  }

  function renderResults(result) {
    $('total').textContent = result.total + (result.total === 1 ? ' article' : ' articles');
    $('results').replaceChildren(...result.hits.map(articleItem));
    $('page-label').textContent = 'page ' + (result.page + 1);
    $('prev').disabled = result.page === 0;
    $('next').disabled = (result.page + 1) * result.size >= result.total;
  }

  // ---- article details: tags and quotes ----
  async function toggleDetails(item, toggle, id) {
    const open = item.querySelector('.details');
    if (open) { open.remove(); toggle.setAttribute('aria-expanded', 'false'); return; }
    try {
      const doc = await api('/api/articles/' + encodeURIComponent(id));
      item.append(details(doc));
      toggle.setAttribute('aria-expanded', 'true');
    } catch (error) {
      fail('article ' + id, error);
    }
  }

  function tagList(title, entries) {
    if (!entries.length) return null;
    return el('div', {}, el('h3', {}, title), el('ul', {}, ...entries.map((text) => el('li', {}, text))));
  }

  function details(doc) {
    const box = el('div', { class: 'details' });
    // tagList gives null for an empty list; Element.append(null) would print "null", so drop those.
    const lists = [
      tagList('Regions', (doc.regions || []).map((r) => r.name + ' (' + r.code + ', ' + String(r.level).toLowerCase() + ')')),
      tagList('Officials', (doc.officials || []).map(officialLine)),
      tagList('Organisations', (doc.organisations || []).map((o) => o.name + ' (' + o.id + ')')),
      tagList('Topics', (doc.topic_scores || []).map((t) => t.topic + ' ' + Number(t.score).toFixed(2) + (t.terms && t.terms.length ? ': ' + t.terms.join(', ') : ''))),
      tagList('Outlet tags', doc.tags || [])];
    box.append(...lists.filter((list) => list !== null));
    const quotes = (doc.quotes || []).filter((q) => q && q.text);
    if (quotes.length) {
      box.append(el('h3', {}, 'Quotes'));
      for (const q of quotes) box.append(el('blockquote', {}, el('mark', {}, q.text), q.speaker ? ' (' + q.speaker + ')' : ''));
    }
    if (doc.body) {
      box.append(el('h3', {}, 'Text'));
      for (const paragraph of String(doc.body).split(/\n\n+/)) box.append(highlighted(paragraph, quotes.map((q) => q.text)));
    }
    return box;
  }

  // A paragraph with every occurrence of a quote wrapped in <mark>, built from text nodes.
  function highlighted(text, needles) {
    const p = el('p');
    let at = 0;
    while (at < text.length) {
      let best = -1;
      let length = 0;
      for (const needle of needles) {
        const found = text.indexOf(needle, at);
        if (found >= 0 && (best < 0 || found < best)) { best = found; length = needle.length; }
      }
      if (best < 0) break;
      p.append(text.slice(at, best), el('mark', {}, text.slice(best, best + length)));
      at = best + length;
    }
    p.append(text.slice(at));
    return p;
  }

  // ---- facets ----
  function names(hits, facet) {
    const map = new Map();
    const fields = FACET_NAMES[facet];
    if (!fields) return map;
    for (const hit of hits) {
      const ids = hit[fields[0]] || [];
      const labels = hit[fields[1]] || [];
      if (ids.length === labels.length) ids.forEach((id, i) => map.set(id, labels[i]));
    }
    return map;
  }

  function renderFacets(result) {
    const lists = [];
    for (const [facet, title] of FACETS) {
      const counts = (result.facets && result.facets[facet]) || [];
      const labels = names(result.hits, facet);
      const input = searchForm.elements.namedItem(facet);
      const active = new Set(input.value.split(',').map((v) => v.trim()).filter(Boolean));
      const items = counts.map((c) => {
        const label = labels.has(c.key) ? labels.get(c.key) + ' (' + c.key + ')' : c.key;
        const button = el('button', { type: 'button', class: active.has(c.key) ? 'active' : null, title: 'filter by ' + c.key },
          el('span', {}, label), el('span', { class: 'count' }, c.count));
        button.addEventListener('click', () => toggleFilter(input, c.key));
        const li = el('li', {}, button);
        if (facet === 'official' || facet === 'region') {
          const chart = el('button', { type: 'button', class: 'chart-link', title: 'chart mentions per day' }, 'chart');
          chart.addEventListener('click', () => drawChart(facet, c.key, label));
          li.append(chart);
        }
        return li;
      });
      lists.push(el('div', { class: 'facet', 'data-facet': facet }, el('h3', {}, title), items.length ? el('ol', {}, ...items) : el('p', { class: 'meta' }, 'none')));
    }
    $('facet-lists').replaceChildren(...lists);
  }

  function toggleFilter(input, value) {
    const values = input.value.split(',').map((v) => v.trim()).filter(Boolean);
    const at = values.indexOf(value);
    if (at >= 0) values.splice(at, 1); else values.push(value);
    input.value = values.join(',');
    page = 0;
    search();
  }

  // ---- chart: mentions per day, inline SVG ----
  $('chart-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const value = form.elements.namedItem('value').value.trim();
    if (value) drawChart(form.elements.namedItem('kind').value, value, value);
  });

  async function drawChart(kind, value, label) {
    const form = $('chart-form');
    form.elements.namedItem('kind').value = kind;
    form.elements.namedItem('value').value = value;
    const params = new URLSearchParams();
    params.set(kind, value);
    const data = new FormData(searchForm);
    for (const name of ['from', 'to']) if (data.get(name)) params.set(name, String(data.get(name)));
    try {
      const histogram = await api('/api/histogram', params);
      $('chart').replaceChildren(chartSvg(histogram.buckets, kind + ' ' + label));
    } catch (error) {
      fail('chart', error);
    }
  }

  function chartSvg(buckets, caption) {
    const width = 360;
    const height = 160;
    const left = 28;
    const bottom = 20;
    const top = 18;
    const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'mentions per day: ' + caption });
    root.append(svg('text', { x: left, y: 12 }, caption));
    if (!buckets.length) {
      root.append(svg('text', { x: left, y: height / 2 }, 'no mentions'));
      return root;
    }
    const max = Math.max(1, ...buckets.map((b) => b.count));
    const plotWidth = width - left - 4;
    const plotHeight = height - top - bottom;
    const step = plotWidth / buckets.length;
    root.append(svg('line', { class: 'axis', x1: left, y1: top + plotHeight, x2: width - 4, y2: top + plotHeight }));
    root.append(svg('text', { x: 2, y: top + 8 }, max));
    root.append(svg('text', { x: 2, y: top + plotHeight }, 0));
    buckets.forEach((b, i) => {
      const h = (b.count / max) * plotHeight;
      const bar = svg('rect', { class: 'bar', x: (left + i * step + step * 0.1).toFixed(1), y: (top + plotHeight - h).toFixed(1),
        width: Math.max(1, step * 0.8).toFixed(1), height: h.toFixed(1), 'data-date': b.date, 'data-count': b.count });
      bar.append(svg('title', {}, b.date + ': ' + b.count));
      root.append(bar);
    });
    root.append(svg('text', { x: left, y: height - 4 }, buckets[0].date));
    root.append(svg('text', { x: width - 4, y: height - 4, 'text-anchor': 'end' }, buckets[buckets.length - 1].date));
    return root;
  }

  // ---- live feed (SSE) ----
  function setFeedStatus(text, cls) {
    const status = $('feed-status');
    status.textContent = text;
    status.className = 'status ' + cls;
  }

  // Opens the live feed for the given filters (the same parameters as /api/search); articles the
  // previous feed showed under other filters are cleared.
  function connectFeed(filters) {
    if (feed) feed.close();
    feedFilters = filters.toString();
    $('feed').replaceChildren();
    $('feed-filters').textContent = describeFilters(filters);
    // EventSource cannot send headers: the server accepts ?key= on /api/feed only.
    const query = feedFilters ? '&' + feedFilters : '';
    feed = new EventSource('/api/feed?key=' + encodeURIComponent(key()) + query);
    setFeedStatus('connecting', '');
    feed.addEventListener('open', () => setFeedStatus('live', 'live'));
    feed.addEventListener('error', () => {
      // The browser reconnects by itself (sending Last-Event-ID) unless the server refused the request.
      setFeedStatus(feed.readyState === EventSource.CLOSED ? 'closed (key refused?)' : 'reconnecting', 'error');
    });
    feed.addEventListener('article', (event) => {
      let doc;
      try { doc = JSON.parse(event.data); } catch (e) { return; }
      const list = $('feed');
      list.prepend(articleItem(doc));
      while (list.children.length > FEED_MAX) list.lastElementChild.remove();
    });
  }

  function describeFilters(filters) {
    const parts = [];
    for (const [name, value] of filters) parts.push(name + ': ' + value);
    return parts.length ? 'new articles matching ' + parts.join(', ') : 'all new articles';
  }

  // ---- alerts ----
  async function loadAlerts() {
    try {
      const result = await api('/api/alerts', new URLSearchParams({ size: '20' }));
      $('alerts').replaceChildren(...result.alerts.map((a) => {
        const url = safeUrl(a.url);
        const title = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, a.title || a.article_id) : el('span', {}, a.title || a.article_id);
        return el('li', { 'data-alert-id': a.alert_id },
          el('div', { class: 'title' }, title),
          el('div', { class: 'meta' }, [a.rule_id, a.outlet, formatDate(a.raised_at)].filter(Boolean).join(' · ')),
          a.reason ? el('div', { class: 'alert-reason' }, a.reason) : null);
      }));
    } catch (error) {
      fail('alerts', error);
    }
  }

  // A known official's office already names its place ("Penjabat Gubernur Kalimantan Barat"); add the
  // jurisdiction only when the office as stored does not.
  function officialLine(o) {
    const office = o.office || '';
    const place = o.jurisdiction_name && !office.includes(o.jurisdiction_name) ? ' ' + o.jurisdiction_name : '';
    return o.name + (office ? ', ' + office : '') + place;
  }

  // ---- start ----
  if (key()) keyReady(); else showKeyForm();
})();
