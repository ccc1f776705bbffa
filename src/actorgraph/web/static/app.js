// actorgraph analyst UI: a single-page app over the JSON API, in plain JavaScript (no build step).
// d3 and topojson-client are loaded from /static/vendor/ (copied from npm by `make web`).
//
// Safety rule: text from the API (documents, sentences, names) only ever reaches the page through
// textContent / createTextNode (the h() helper and d3's .text()). Nothing here uses innerHTML,
// insertAdjacentHTML, outerHTML or document.write, and no style attribute is written from markup.

const d3 = window.d3;
const topojson = window.topojson;
const TOKEN = new URLSearchParams(window.location.search).get('token');

// ---------------------------------------------------------------------------------------------
// Vocabulary and palettes
// ---------------------------------------------------------------------------------------------

const QUAD = { 1: 'Verbal cooperation', 2: 'Material cooperation', 3: 'Verbal conflict', 4: 'Material conflict' };
const QUAD_COLOR = { 1: '#8dbbe0', 2: '#2f6fba', 3: '#efa04a', 4: '#c8382e' };
const COALITION_COLORS = ['#2a9d8f', '#8e6bb8', '#d9a02b', '#5f9e3c', '#d0679d', '#9c755f', '#6f8fa6', '#a8a83a'];
const NO_COALITION = '#c3c8d0';
const balanceColor = d3.scaleLinear().domain([-1, 0, 1]).range(['#c8382e', '#aab0b9', '#2f6fba'])
  .interpolate(d3.interpolateLab).clamp(true);
const STATE_SECTORS = new Set(['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'COP', 'BUS', 'MED']);
const FILTER_KEYS = ['actor', 'code', 'root', 'quad_class', 'voice', 'main', 'start', 'end', 'place'];
const PAGE = 50;
const MAX_CODE_CHARS = 100000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// ISO 3166 alpha-3 -> numeric, for the countries of world-atlas (its features carry numeric ids).
const ISO_NUMERIC = Object.fromEntries(
  ('AFG004 AGO024 ALB008 ARE784 ARG032 ARM051 ATA010 ATF260 AUS036 AUT040 AZE031 BDI108 BEL056 BEN204 ' +
   'BFA854 BGD050 BGR100 BHS044 BIH070 BLR112 BLZ084 BOL068 BRA076 BRN096 BTN064 BWA072 CAF140 CAN124 ' +
   'CHE756 CHL152 CHN156 CIV384 CMR120 COD180 COG178 COL170 CRI188 CUB192 CYP196 CZE203 DEU276 DJI262 ' +
   'DNK208 DOM214 DZA012 ECU218 EGY818 ERI232 ESH732 ESP724 EST233 ETH231 FIN246 FJI242 FLK238 FRA250 ' +
   'GAB266 GBR826 GEO268 GHA288 GIN324 GMB270 GNB624 GNQ226 GRC300 GRL304 GTM320 GUY328 HND340 HRV191 ' +
   'HTI332 HUN348 IDN360 IND356 IRL372 IRN364 IRQ368 ISL352 ISR376 ITA380 JAM388 JOR400 JPN392 KAZ398 ' +
   'KEN404 KGZ417 KHM116 KOR410 KWT414 LAO418 LBN422 LBR430 LBY434 LKA144 LSO426 LTU440 LUX442 LVA428 ' +
   'MAR504 MDA498 MDG450 MEX484 MKD807 MLI466 MMR104 MNE499 MNG496 MOZ508 MRT478 MWI454 MYS458 NAM516 ' +
   'NCL540 NER562 NGA566 NIC558 NLD528 NOR578 NPL524 NZL554 OMN512 PAK586 PAN591 PER604 PHL608 PNG598 ' +
   'POL616 PRI630 PRK408 PRT620 PRY600 PSE275 QAT634 ROU642 RUS643 RWA646 SAU682 SDN729 SEN686 SLB090 ' +
   'SLE694 SLV222 SOM706 SRB688 SSD728 SUR740 SVK703 SVN705 SWE752 SWZ748 SYR760 TCD148 TGO768 THA764 ' +
   'TJK762 TKM795 TLS626 TTO780 TUN788 TUR792 TWN158 TZA834 UGA800 UKR804 URY858 USA840 UZB860 VEN862 ' +
   'VNM704 VUT548 YEM887 ZAF710 ZMB894 ZWE716').split(' ').map((s) => [s.slice(0, 3), s.slice(3)]));

// ---------------------------------------------------------------------------------------------
// DOM helpers: elements from text only
// ---------------------------------------------------------------------------------------------

const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'open']);

/** An element with attributes, listeners (onclick: fn) and children (strings become text nodes). */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'testid') el.dataset.testid = v;
    else if (k === 'data') for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = dv;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'style') throw new Error('inline styles are not allowed');
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replace an element's children; null/undefined/false children are skipped (native
 * replaceChildren would show them as text). */
function put(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

function hashFor(name, args = [], query = {}) {
  const path = [name, ...args.map((a) => encodeURIComponent(a))].join('/');
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return '#/' + path + (s ? '?' + s : '');
}

function link(href, text, cls) {
  return h('a', { href, class: cls }, text);
}

function loading(text = 'Loading…') {
  return h('div', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

function empty(title, ...more) {
  return h('div', { class: 'state empty' }, h('p', { class: 'empty-title' }, title),
    ...more.filter((m) => m !== null && m !== undefined).map((m) => h('p', {}, m)));
}

const ERROR_TITLES = {
  0: 'The server did not answer', 401: 'Not authorised', 404: 'Not found', 413: 'Too large',
  422: 'The server rejected the request', 503: 'No store to read',
};

function errorBox(err) {
  const status = err && err.status !== undefined ? err.status : -1;
  const title = ERROR_TITLES[status] || (status > 0 ? `Error ${status}` : 'Something went wrong');
  return h('div', { class: 'state error', role: 'alert', testid: 'error' },
    h('p', { class: 'empty-title' }, title), h('p', {}, err && err.message ? err.message : String(err)));
}

function fold(code) {
  const c = (code || '').toUpperCase();
  return c.length === 6 && STATE_SECTORS.has(c.slice(3)) ? c.slice(0, 3) : c;
}

function fmtNum(n, digits = 1) {
  return n === null || n === undefined || Number.isNaN(n) ? '–' : Number(n).toFixed(digits);
}

function plural(n, word, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many || word + 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Dates and periods (ISO dates, UTC)
// ---------------------------------------------------------------------------------------------

function parseDay(s) {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
}

function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

function nextPeriod(s, period) {
  const d = parseDay(s);
  if (period === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (period === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCDate(d.getUTCDate() + 1);
  return isoDay(d);
}

function fmtPeriod(s, period) {
  const d = parseDay(s);
  const mon = MONTHS[d.getUTCMonth()];
  if (period === 'month') return `${mon} ${d.getUTCFullYear()}`;
  if (period === 'week') return `Week of ${d.getUTCDate()} ${mon} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${mon} ${d.getUTCFullYear()}`;
}

function shortPeriod(s, period) {
  const d = parseDay(s);
  const mon = MONTHS[d.getUTCMonth()];
  if (period === 'month') return `${mon} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${mon}`;
}

function fmtEventDate(e) {
  if (!e.date) return null;
  const p = e.date_precision;
  if (p === 'year') return e.date.slice(0, 4);
  if (p === 'month') return e.date.slice(0, 7);
  if (p === 'week') return `wk ${e.date}`;
  return e.date;
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function detailMessage(body) {
  if (body === null || body === undefined) return '';
  const d = typeof body === 'object' && 'detail' in body ? body.detail : body;
  if (typeof d === 'string') return d;
  if (Array.isArray(d)) {
    return d.map((x) => {
      const where = Array.isArray(x.loc) ? x.loc.filter((p) => p !== 'body' && p !== 'query').join('.') : '';
      return (where ? where + ': ' : '') + (x.msg || JSON.stringify(x));
    }).join('; ');
  }
  return JSON.stringify(d);
}

async function api(path, params, options = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, v);
  }
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (TOKEN) headers.Authorization = 'Bearer ' + TOKEN;
  let res;
  try {
    res = await fetch(url, { ...options, headers });
  } catch (e) {
    throw new ApiError(0, `No answer from the server (${e.message}). Is \`actorgraph serve\` still running?`);
  }
  const raw = await res.text();
  let body = raw;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    /* not JSON: keep the text */
  }
  if (!res.ok) throw new ApiError(res.status, detailMessage(body) || res.statusText);
  return body;
}

let docIndexPromise = null;
/** doc_id -> document summary (for publication dates and titles in event lists). */
function docIndex() {
  if (!docIndexPromise) {
    docIndexPromise = api('/api/documents', { limit: 1000 })
      .then((r) => new Map(r.documents.map((d) => [d.doc_id, d])))
      .catch(() => new Map());
  }
  return docIndexPromise;
}

/** The events behind a list of evidence ids (there is no by-id endpoint: page the events of one
 * actor in [start, end) and keep the ids). Returns them in the given order. */
async function fetchEvidence(ids, { actor, start, end }) {
  const want = new Set(ids);
  const found = new Map();
  let offset = 0;
  for (let page = 0; page < 20 && found.size < want.size; page += 1) {
    const r = await api('/api/events', { actor, start, end, limit: 1000, offset });
    for (const e of r.events) if (want.has(e.event_id)) found.set(e.event_id, e);
    offset += r.events.length;
    if (!r.events.length || offset >= r.total) break;
  }
  return ids.map((id) => found.get(id) || { missing: true, event_id: id });
}

/** All events matching filters, up to `cap`. */
async function fetchAllEvents(filters, cap = 5000) {
  const out = [];
  let total = 0;
  for (let offset = 0; offset < cap; offset += 1000) {
    const r = await api('/api/events', { ...filters, limit: Math.min(1000, cap - offset), offset });
    total = r.total;
    out.push(...r.events);
    if (!r.events.length || out.length >= total) break;
  }
  return { total, events: out };
}

// ---------------------------------------------------------------------------------------------
// Tooltip
// ---------------------------------------------------------------------------------------------

const tip = {
  el: null,
  show(evt, lines) {
    this.el = this.el || document.getElementById('tooltip');
    put(this.el, ...lines.filter((l) => l !== null && l !== undefined && l !== '')
      .map((l, i) => h('div', { class: i === 0 ? 'tip-title' : 'tip-line' }, l)));
    this.el.hidden = false;
    this.move(evt);
  },
  move(evt) {
    if (!this.el || this.el.hidden) return;
    let x;
    let y;
    if (evt && evt.clientX !== undefined && !(evt.clientX === 0 && evt.clientY === 0 && evt.type === 'focus')) {
      x = evt.clientX;
      y = evt.clientY;
    } else if (evt && evt.target && evt.target.getBoundingClientRect) {
      const r = evt.target.getBoundingClientRect();
      x = r.right;
      y = r.top;
    } else return;
    const w = this.el.offsetWidth;
    const hgt = this.el.offsetHeight;
    const left = x + 14 + w > window.innerWidth ? x - w - 14 : x + 14;
    const top = y + 14 + hgt > window.innerHeight ? y - hgt - 10 : y + 14;
    this.el.style.left = `${Math.max(4, left)}px`;
    this.el.style.top = `${Math.max(4, top)}px`;
  },
  hide() {
    if (this.el) this.el.hidden = true;
  },
};

/** Tooltip on hover (and on keyboard focus with `focus`) for a d3 selection; lines(d) gives
 * the text lines. Chromium makes SVG elements with focus listeners tabbable, so only elements
 * meant to be in the tab order get them. */
function withTip(sel, lines, focus = false) {
  sel.on('mouseenter.tip', (evt, d) => tip.show(evt, lines(d)))
    .on('mousemove.tip', (evt) => tip.move(evt))
    .on('mouseleave.tip', () => tip.hide());
  if (focus) sel.on('focus.tip', (evt, d) => tip.show(evt, lines(d))).on('blur.tip', () => tip.hide());
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

function quadDot(q) {
  return h('span', { class: `quad-dot q${q}`, title: QUAD[q] || 'unknown QuadClass', 'aria-hidden': 'true' });
}

function actorLabel(a) {
  if (!a || (!a.code && !a.text)) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actor-ref' },
    a.code ? h('span', { class: 'code' }, a.code) : h('span', { class: 'code muted' }, 'uncoded'),
    a.text ? h('span', { class: 'actor-text' }, a.text) : null);
}

function docHref(e) {
  return hashFor('doc', [e.doc_id], { event: e.event_id });
}

/** A compact event line that links to its document, trigger selected. */
function eventItem(e, docs) {
  if (e.missing) {
    return h('li', { class: 'event-item missing' }, `Event ${e.event_id} was not found among the events of this actor.`);
  }
  const doc = docs && docs.get(e.doc_id);
  const when = fmtEventDate(e) || (doc && doc.published ? `${doc.published} (published)` : 'undated');
  return h('li', { class: 'event-item' },
    h('a', { href: docHref(e), class: 'event-link', testid: 'evidence-event', data: { eventId: e.event_id } },
      h('span', { class: 'event-head' },
        quadDot(e.quad_class),
        h('span', { class: 'code' }, e.code),
        e.plover && e.plover.type ? h('span', { class: 'plover' }, e.plover.type.toLowerCase()) : null,
        h('span', { class: 'dyad-text' }, (e.source && e.source.code) || '?', ' → ', (e.target && e.target.code) || '—'),
        h('span', { class: 'when' }, when)),
      h('span', { class: 'event-sentence' }, sentenceWithTrigger(e)),
      h('span', { class: 'event-doc' }, doc && doc.title ? doc.title : e.doc, e.voice !== 'author' ? ` · ${e.voice}` : '',
        e.modality && e.modality !== 'asserted' ? ` · ${e.modality}` : '')));
}

function eventList(events, docs, emptyText = 'No events.') {
  if (!events.length) return empty(emptyText);
  return h('ul', { class: 'event-list' }, events.map((e) => eventItem(e, docs)));
}

/** The sentence with the trigger word in bold (first occurrence of the trigger text). */
function sentenceWithTrigger(e) {
  const s = e.sentence || '';
  const t = e.trigger && e.trigger.text;
  const i = t ? s.indexOf(t) : -1;
  if (i < 0) return [s];
  return [s.slice(0, i), h('b', {}, t), s.slice(i + t.length)];
}

function actorSuggestions(input) {
  const id = `actors-${Math.random().toString(36).slice(2, 9)}`;
  const list = h('datalist', { id });
  input.setAttribute('list', id);
  let timer = null;
  let last = null;
  const load = async () => {
    const q = input.value.trim().slice(0, 100);
    if (q === last) return;
    last = q;
    try {
      const rows = await api('/api/actors', { q: q || null, limit: 15 });
      put(list, ...rows.map((a) => {
        const o = document.createElement('option');
        o.value = a.code;
        o.label = `${a.name || ''} · ${plural(a.events, 'event')}`;
        return o;
      }));
    } catch {
      /* suggestions are a convenience */
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 160);
  });
  input.addEventListener('focus', load, { once: true });
  return list;
}

function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control,
    hint ? h('span', { class: 'field-hint' }, hint) : null);
}

function filtersFrom(query) {
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The events filter form (events table and map share it). */
function filterForm(query, onApply, onClear) {
  const v = (k) => query.get(k) || '';
  const actor = h('input', { type: 'search', name: 'actor', value: v('actor'), testid: 'filter-actor', placeholder: 'RUS', maxlength: 20, autocomplete: 'off', spellcheck: 'false' });
  const code = h('input', { type: 'text', name: 'code', value: v('code'), testid: 'filter-code', placeholder: '190', pattern: '\\d{1,4}', inputmode: 'numeric', maxlength: 4, title: 'CAMEO code prefix: 1 to 4 digits' });
  const root = h('input', { type: 'text', name: 'root', value: v('root'), testid: 'filter-root', placeholder: '19', pattern: '\\d{1,2}', inputmode: 'numeric', maxlength: 2, title: 'CAMEO root: 1 or 2 digits' });
  const quad = h('select', { name: 'quad_class', testid: 'filter-quad' },
    h('option', { value: '' }, 'Any'),
    [1, 2, 3, 4].map((q) => h('option', { value: String(q), selected: v('quad_class') === String(q) }, `${q} · ${QUAD[q]}`)));
  const voice = h('select', { name: 'voice', testid: 'filter-voice' },
    h('option', { value: '' }, 'Any'),
    ['author', 'quoted', 'comment'].map((x) => h('option', { value: x, selected: v('voice') === x }, x)));
  // One record per sentence (PLOVER, ICEWS): each sentence's main event only.
  const main = h('select', { name: 'main', testid: 'filter-main', title: 'Every event, or the main event of each sentence' },
    h('option', { value: '' }, 'Every event'),
    h('option', { value: 'true', selected: v('main') === 'true' }, 'Main of each sentence'));
  const start = h('input', { type: 'date', name: 'start', value: v('start'), testid: 'filter-start' });
  const end = h('input', { type: 'date', name: 'end', value: v('end'), testid: 'filter-end' });
  const place = h('input', { type: 'search', name: 'place', value: v('place'), testid: 'filter-place', placeholder: 'Idlib', title: 'A place name or a country code (SYR)', maxlength: 100 });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Event filters', novalidate: false },
    field('Actor', actor), actorSuggestions(actor), field('Code', code), field('Root', root),
    field('QuadClass', quad), field('Voice', voice), field('Events', main), field('From', start), field('Before', end), field('Place', place),
    h('div', { class: 'filter-buttons' },
      h('button', { type: 'submit', class: 'btn primary', testid: 'filter-apply' }, 'Apply'),
      h('button', { type: 'button', class: 'btn', testid: 'filter-clear', onclick: onClear }, 'Clear')));
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    if (!form.reportValidity()) return;
    const params = {};
    for (const k of FILTER_KEYS) {
      const val = form.elements[k].value.trim();
      if (val) params[k] = k === 'actor' ? val.toUpperCase() : val;
    }
    onApply(params);
  });
  return form;
}

function activeFilterText(filters) {
  const parts = [];
  if (filters.actor) parts.push(`actor ${filters.actor}*`);
  if (filters.code) parts.push(`code ${filters.code}*`);
  if (filters.root) parts.push(`root ${filters.root}`);
  if (filters.quad_class) parts.push(QUAD[filters.quad_class] || `QuadClass ${filters.quad_class}`);
  if (filters.voice) parts.push(`${filters.voice} voice`);
  if (filters.main) parts.push('main event of each sentence');
  if (filters.start) parts.push(`from ${filters.start}`);
  if (filters.end) parts.push(`before ${filters.end}`);
  if (filters.place) parts.push(`place “${filters.place}”`);
  return parts.join(' · ');
}

function legendSwatch(cls, label, extra) {
  return h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), label, extra || null);
}

// ---------------------------------------------------------------------------------------------
// Router
// ---------------------------------------------------------------------------------------------

let current = null;
let renderSeq = 0;

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { name: parts[0] || 'network', args: parts.slice(1), query };
}

const NAV_OF = { actor: 'actors', doc: 'documents' };

function route() {
  if (current) for (const f of current.cleanups) f();
  tip.hide();
  const r = parseHash();
  const view = VIEWS[r.name] || renderNotFound;
  renderSeq += 1;
  const ctx = { id: renderSeq, cleanups: [], alive: () => current === ctx };
  current = ctx;
  const active = NAV_OF[r.name] || r.name;
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.route === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const root = document.getElementById('view');
  root.replaceChildren();
  root.scrollTop = 0;
  document.title = `${TITLES[r.name] || 'actorgraph'}${r.args[0] ? ' ' + r.args.join(' – ') : ''} · actorgraph`;
  Promise.resolve()
    .then(() => view(root, r, ctx))
    .catch((err) => {
      if (!ctx.alive()) return;
      console.warn(err);
      put(root, h('section', { class: 'view' }, errorBox(err)));
    });
}

/** Update the hash without re-rendering (a slider move, say): the view already shows it. */
function replaceHash(hash) {
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

const TITLES = {
  network: 'Network', actors: 'Actors', actor: 'Actor', dyad: 'Dyad', map: 'Map', events: 'Events',
  documents: 'Documents', doc: 'Document', code: 'Code a document',
};

function renderNotFound(root) {
  root.append(h('section', { class: 'view' }, empty('There is no such page.', link('#/network', 'Go to the network'))));
}

function pageHead(title, sub, ...actions) {
  return h('header', { class: 'page-head' },
    h('div', {}, h('h1', {}, title), sub ? h('p', { class: 'sub' }, sub) : null),
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

// ---------------------------------------------------------------------------------------------
// 1. Network
// ---------------------------------------------------------------------------------------------

async function renderNetwork(root, r, ctx) {
  const view = h('section', { class: 'view view-fill network-view' });
  root.append(view);
  const slider = h('input', { type: 'range', min: 0, max: 0, step: 1, value: 0, testid: 'period-slider', 'aria-label': 'Period (month), leftmost is all time', disabled: true });
  const periodOut = h('output', { class: 'period-label', testid: 'period-label' }, 'All time');
  const prev = h('button', { type: 'button', class: 'btn small', 'aria-label': 'Previous period', testid: 'period-prev' }, '‹');
  const next = h('button', { type: 'button', class: 'btn small', 'aria-label': 'Next period', testid: 'period-next' }, '›');
  const showRel = h('input', { type: 'checkbox', checked: true, testid: 'toggle-relations' });
  const fitBtn = h('button', { type: 'button', class: 'btn small' }, 'Fit');
  const summary = h('span', { class: 'summary', 'aria-live': 'polite' });
  const ticks = h('div', { class: 'slider-ticks', 'aria-hidden': 'true' });
  view.append(h('div', { class: 'toolbar' },
    h('div', { class: 'period-control' },
      h('span', { class: 'field-label' }, 'Period'), prev, h('div', { class: 'slider-wrap' }, slider, ticks), next, periodOut),
    h('label', { class: 'check' }, showRel, 'Asserted ties'),
    fitBtn, summary));
  const svgBox = h('div', { class: 'canvas' });
  const side = h('aside', { class: 'side-panel', 'aria-label': 'Legend and selection' });
  view.append(h('div', { class: 'split' }, svgBox, side));
  svgBox.append(loading('Laying out the actor graph…'));

  const periods = await api('/api/periods', { period: 'month' });
  if (!ctx.alive()) return;
  const wanted = r.query.get('period');
  let index = wanted && periods.includes(wanted) ? periods.indexOf(wanted) + 1 : 0;
  slider.max = String(periods.length);
  slider.value = String(index);
  slider.disabled = periods.length === 0;
  put(ticks, h('span', {}, 'All time'), periods.length ? h('span', {}, shortPeriod(periods[periods.length - 1], 'month')) : null);

  const positions = new Map();
  let maxima = null; // all-time largest node and edge, so sizes compare across periods
  let sim = null;
  let graphSeq = 0;
  let lastData = null;
  ctx.cleanups.push(() => sim && sim.stop());

  const range = () => (index === 0 ? {} : { start: periods[index - 1], end: nextPeriod(periods[index - 1], 'month') });
  const label = () => (index === 0 ? 'All time' : fmtPeriod(periods[index - 1], 'month'));

  const load = async () => {
    const seq = ++graphSeq;
    periodOut.textContent = label();
    prev.disabled = index === 0;
    next.disabled = index >= periods.length;
    replaceHash(hashFor('network', [], index === 0 ? {} : { period: periods[index - 1] }));
    svgBox.classList.add('busy');
    const [data, all] = await Promise.all([api('/api/graph', range()), maxima || index === 0 ? null : api('/api/graph')]);
    if (!ctx.alive() || seq !== graphSeq) return;
    if (!maxima) {
      const g0 = all || data;
      maxima = { node: d3.max(g0.nodes, (n) => n.events) || 1, edge: d3.max(g0.edges, (e) => e.events) || 1 };
    }
    svgBox.classList.remove('busy');
    lastData = data;
    draw(data);
  };

  let debounce = null;
  slider.addEventListener('input', () => {
    index = Number(slider.value);
    periodOut.textContent = label();
    clearTimeout(debounce);
    debounce = setTimeout(() => load().catch(showErr), 120);
  });
  prev.addEventListener('click', () => { if (index > 0) { index -= 1; slider.value = String(index); load().catch(showErr); } });
  next.addEventListener('click', () => { if (index < periods.length) { index += 1; slider.value = String(index); load().catch(showErr); } });
  showRel.addEventListener('change', () => lastData && draw(lastData));
  const showErr = (err) => { if (ctx.alive()) put(svgBox, errorBox(err)); };

  let fit = () => {};
  fitBtn.addEventListener('click', () => fit(true));

  function draw(data) {
    if (sim) sim.stop();
    tip.hide();
    const W = Math.max(400, svgBox.clientWidth || 900);
    const H = Math.max(300, svgBox.clientHeight || 600);
    svgBox.replaceChildren();
    const nodes = data.nodes.map((n) => ({ ...n, ...(positions.get(n.code) || {}) }));
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    const pairs = new Set(data.edges.map((e) => `${e.source}\u0000${e.target}`));
    const edges = data.edges
      .filter((e) => e.source !== e.target && byCode.has(e.source) && byCode.has(e.target))
      .map((e) => ({ source: e.source, target: e.target, d: e, curved: pairs.has(`${e.target}\u0000${e.source}`) }));
    const relGroups = d3.group(
      data.relations.filter((x) => x.source !== x.target && byCode.has(x.source) && byCode.has(x.target)),
      (x) => [x.source, x.target].sort().join('\u0000') + '\u0000' + x.kind);
    const rels = showRel.checked
      ? [...relGroups.values()].map((list) => ({ source: list[0].source, target: list[0].target, kind: list[0].kind, list }))
      : [];
    const coalitionIds = [...new Set(nodes.map((n) => n.coalition).filter((c) => c !== null && c !== undefined))].sort((a, b) => a - b);
    const colorOf = (c) => (c === null || c === undefined ? NO_COALITION : COALITION_COLORS[coalitionIds.indexOf(c) % COALITION_COLORS.length]);
    summary.textContent = `${plural(nodes.length, 'actor')} · ${plural(edges.length, 'dyad')} · ${plural(data.relations.length, 'asserted tie')} · ${plural(coalitionIds.length, 'coalition')}`;

    drawSide(data, nodes, edges, coalitionIds, colorOf);
    if (!nodes.length) {
      svgBox.append(empty(`No dyads ${index === 0 ? 'in the store' : 'in ' + label()}: no event there has both a coded source and a coded target.`,
        index === 0 ? 'Ingest documents with `actorgraph ingest`, then reload.' : 'Move the period slider, or pick “All time” at its left end. The Events view lists the period’s events.',
        index === 0 ? null : link(hashFor('events', [], range()), `Events of ${label()}`)));
      return;
    }

    const maxEvents = maxima.node;
    const rScale = d3.scaleSqrt().domain([0, maxEvents]).range([0, 26]);
    const radius = (n) => Math.max(4, rScale(n.events));
    const maxEdge = maxima.edge;
    const width = d3.scaleSqrt().domain([1, Math.max(2, maxEdge)]).range([1.2, 9]);

    // Coalition centres on a circle; actors outside any coalition drift to the middle.
    const cx = W / 2;
    const cy = H / 2;
    const ring = Math.min(W, H) * 0.34;
    const rand = d3.randomLcg(7); // the same picture for the same data
    const centre = new Map(coalitionIds.map((c, i) => {
      if (coalitionIds.length === 1) return [c, [cx, cy]];
      const a = (2 * Math.PI * i) / coalitionIds.length - Math.PI / 2;
      return [c, [cx + ring * Math.cos(a), cy + ring * Math.sin(a)]];
    }));
    for (const n of nodes) {
      if (n.x === undefined) {
        const c = centre.get(n.coalition) || [cx, cy];
        n.x = c[0] + (rand() - 0.5) * 80;
        n.y = c[1] + (rand() - 0.5) * 80;
      }
    }
    const links = [
      ...edges.map((e) => ({ source: e.source, target: e.target, w: 0.25 })),
      ...rels.map((x) => ({ source: x.source, target: x.target, w: 0.08 })),
    ];
    sim = d3.forceSimulation(nodes)
      .force('link', d3.forceLink(links).id((n) => n.code).distance(90).strength((l) => l.w))
      .force('charge', d3.forceManyBody().strength(-320).distanceMax(500))
      .force('collide', d3.forceCollide((n) => radius(n) + 8))
      .force('x', d3.forceX((n) => (centre.get(n.coalition) || [cx, cy])[0]).strength((n) => (centre.has(n.coalition) ? 0.24 : 0.03)))
      .force('y', d3.forceY((n) => (centre.get(n.coalition) || [cx, cy])[1]).strength((n) => (centre.has(n.coalition) ? 0.24 : 0.03)))
      .stop();
    const warm = positions.size ? 120 : 320;
    for (let i = 0; i < warm; i += 1) sim.tick();
    // forceLink resolved the codes to node objects; the edge list keeps its own references.
    for (const e of edges) { e.s = byCode.get(e.source); e.t = byCode.get(e.target); }
    for (const x of rels) { x.s = byCode.get(x.source); x.t = byCode.get(x.target); }

    const svg = d3.select(svgBox).append('svg')
      .attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'network-svg')
      .attr('data-testid', 'network').attr('role', 'img')
      .attr('aria-label', `Actor network, ${label()}: ${nodes.length} actors, ${edges.length} dyads`);
    const viewport = svg.append('g');
    const hullLayer = viewport.append('g').attr('class', 'hulls');
    const edgeLayer = viewport.append('g').attr('class', 'edges');
    const relLayer = viewport.append('g').attr('class', 'relations');
    const nodeLayer = viewport.append('g').attr('class', 'nodes');

    const zoom = d3.zoom().scaleExtent([0.2, 6]).on('zoom', (evt) => viewport.attr('transform', evt.transform));
    svg.call(zoom).on('dblclick.zoom', null);

    const hulls = hullLayer.selectAll('path')
      .data(coalitionIds.map((c) => ({ c, members: nodes.filter((n) => n.coalition === c) })).filter((x) => x.members.length > 1))
      .join('path').attr('class', 'hull').attr('fill', (x) => colorOf(x.c)).attr('stroke', (x) => colorOf(x.c));

    const edgeSel = edgeLayer.selectAll('g').data(edges).join('g').attr('class', 'edge')
      .attr('data-testid', 'edge').attr('data-source', (e) => e.source).attr('data-target', (e) => e.target);
    edgeSel.append('path').attr('class', 'edge-line')
      .attr('stroke', (e) => balanceColor(e.d.balance)).attr('stroke-width', (e) => width(e.d.events));
    edgeSel.append('path').attr('class', 'edge-hit');
    edgeSel.on('click', (evt, e) => showEdge(e));
    withTip(edgeSel, (e) => [
      `${e.source} → ${e.target}`,
      `${plural(e.d.events, 'event')}: ${e.d.cooperation} cooperation, ${e.d.conflict} conflict`,
      `balance ${fmtNum(e.d.balance, 2)} · mean Goldstein ${fmtNum(e.d.mean_goldstein)}`,
      'Click to list the evidence',
    ]);

    const relSel = relLayer.selectAll('path').data(rels).join('path')
      .attr('class', (x) => `relation rel-${x.kind}`).attr('data-testid', 'relation');
    relSel.on('click', (evt, x) => showRelation(x));
    withTip(relSel, (x) => [
      `Asserted: ${x.source} ${x.kind} ${x.target}`,
      `${plural(x.list.length, 'statement')}`,
      `“${x.list[0].sentence.length > 160 ? x.list[0].sentence.slice(0, 157) + '…' : x.list[0].sentence}”`,
      'Click to list where it was said',
    ]);

    const nodeSel = nodeLayer.selectAll('g').data(nodes, (n) => n.code).join('g')
      .attr('class', 'node').attr('data-testid', 'node').attr('data-code', (n) => n.code)
      .attr('tabindex', 0).attr('role', 'link')
      .attr('aria-label', (n) => `${n.code}${n.name ? ' ' + n.name : ''}, ${plural(n.events, 'event')}; open the actor page`);
    nodeSel.append('circle').attr('r', radius).attr('fill', (n) => colorOf(n.coalition));
    nodeSel.append('text').attr('class', 'node-label').attr('x', (n) => radius(n) + 3).attr('dy', '0.35em').text((n) => n.code);
    const neighbours = new Map(nodes.map((n) => [n.code, new Set([n.code])]));
    for (const e of edges) { neighbours.get(e.source).add(e.target); neighbours.get(e.target).add(e.source); }
    const coalitionName = (c) => (c === null || c === undefined ? 'no coalition' : `coalition ${coalitionIds.indexOf(c) + 1}`);
    withTip(nodeSel, (n) => {
      const inc = edges.filter((e) => e.source === n.code || e.target === n.code);
      return [
        `${n.code}${n.name ? ' · ' + n.name : ''}`,
        `${plural(n.events, 'event')} · ${plural(inc.length, 'partner')}`,
        `${d3.sum(inc, (e) => e.d.cooperation)} cooperation, ${d3.sum(inc, (e) => e.d.conflict)} conflict with partners`,
        coalitionName(n.coalition),
        'Click to open the actor page',
      ];
    }, true);
    nodeSel.on('mouseenter.hi', (evt, n) => {
      const near = neighbours.get(n.code);
      svg.classed('dimmed', true);
      nodeSel.classed('hi', (m) => near.has(m.code));
      edgeSel.classed('hi', (e) => e.source === n.code || e.target === n.code);
    }).on('mouseleave.hi', () => {
      svg.classed('dimmed', false);
      nodeSel.classed('hi', false);
      edgeSel.classed('hi', false);
    });
    const open = (n) => { window.location.hash = hashFor('actor', [n.code]); };
    nodeSel.on('click', (evt, n) => open(n)).on('keydown', (evt, n) => {
      if (evt.key === 'Enter' || evt.key === ' ') { evt.preventDefault(); open(n); }
    });
    nodeSel.call(d3.drag()
      .on('start', (evt, n) => { if (!evt.active) sim.alphaTarget(0.2).restart(); n.fx = n.x; n.fy = n.y; })
      .on('drag', (evt, n) => { n.fx = evt.x; n.fy = evt.y; })
      .on('end', (evt, n) => { if (!evt.active) sim.alphaTarget(0); n.fx = null; n.fy = null; }));

    const curve = (s, t, bend) => {
      const dx = t.x - s.x;
      const dy = t.y - s.y;
      const len = Math.hypot(dx, dy) || 1;
      if (!bend) return `M${s.x},${s.y}L${t.x},${t.y}`;
      const off = Math.min(45, len * bend);
      return `M${s.x},${s.y}Q${(s.x + t.x) / 2 - (dy / len) * off},${(s.y + t.y) / 2 + (dx / len) * off} ${t.x},${t.y}`;
    };
    const hullPath = (members) => {
      const pts = [];
      for (const n of members) {
        const rr = radius(n) + 16;
        for (let a = 0; a < 12; a += 1) pts.push([n.x + rr * Math.cos((a * Math.PI) / 6), n.y + rr * Math.sin((a * Math.PI) / 6)]);
      }
      const hull = d3.polygonHull(pts);
      return hull ? d3.line().curve(d3.curveCatmullRomClosed.alpha(0.5))(hull) : null;
    };
    const paint = () => {
      edgeSel.selectAll('path').attr('d', (e) => curve(e.s, e.t, e.curved ? 0.16 : 0));
      relSel.attr('d', (x) => curve(x.s, x.t, -0.22));
      nodeSel.attr('transform', (n) => `translate(${n.x},${n.y})`);
      hulls.attr('d', (x) => hullPath(x.members));
      for (const n of nodes) positions.set(n.code, { x: n.x, y: n.y });
    };
    sim.on('tick', paint);
    paint();

    fit = (animate) => {
      const pad = 40;
      const x0 = d3.min(nodes, (n) => n.x - radius(n)) - pad;
      const x1 = d3.max(nodes, (n) => n.x + radius(n) + 40) + pad;
      const y0 = d3.min(nodes, (n) => n.y - radius(n)) - pad;
      const y1 = d3.max(nodes, (n) => n.y + radius(n)) + pad;
      const k = Math.min(2.2, W / (x1 - x0), H / (y1 - y0));
      const t = d3.zoomIdentity.translate(W / 2 - (k * (x0 + x1)) / 2, H / 2 - (k * (y0 + y1)) / 2).scale(k);
      (animate ? svg.transition().duration(400) : svg).call(zoom.transform, t);
    };
    fit(false);
  }

  const selection = h('div', { class: 'selection', 'aria-live': 'polite' });
  function drawSide(data, nodes, edges, coalitionIds, colorOf) {
    const maxEvents = maxima.node;
    const maxEdge = maxima.edge;
    put(side, 
      h('section', { class: 'legend', testid: 'network-legend' },
        h('h2', {}, 'Legend'),
        h('h3', {}, 'Node colour: coalition'),
        h('ul', { class: 'legend-list' },
          coalitionIds.map((c, i) => {
            const members = nodes.filter((n) => n.coalition === c).map((n) => n.code);
            return h('li', {}, h('span', { class: 'swatch dot', data: { color: colorOf(c) } }),
              h('span', {}, h('b', {}, `Coalition ${i + 1}`), ` ${members.join(', ')}`));
          }),
          h('li', {}, h('span', { class: 'swatch dot', data: { color: NO_COALITION } }), 'No coalition')),
        h('h3', {}, 'Node size: events'), sizeLegend(maxEvents),
        h('h3', {}, 'Edge colour: balance of the dyad'), balanceLegend(),
        h('h3', {}, 'Edge width: events'), widthLegend(maxEdge),
        h('ul', { class: 'legend-list' }, h('li', {}, h('span', { class: 'swatch dashed', 'aria-hidden': 'true' }), 'Asserted tie (ally, member, backs); red: enemy'))),
      selection);
    for (const s of side.querySelectorAll('.swatch.dot')) s.style.background = s.dataset.color;
    if (!selection.childNodes.length) {
      selection.append(h('p', { class: 'hint' }, 'Hover an actor or an edge for counts. Click an actor to open its page, an edge to list the events behind it. Drag to move, scroll to zoom.'));
    }
  }

  async function showEdge(e) {
    const r0 = range();
    const d = e.d;
    put(selection, 
      h('section', { class: 'selected', testid: 'edge-panel' },
        h('h2', {}, `${e.source} → ${e.target}`),
        h('p', { class: 'sub' }, label()),
        statGrid([
          ['Events', d.events], ['Cooperation', d.cooperation], ['Conflict', d.conflict],
          ['Balance', fmtNum(d.balance, 2)], ['Mean Goldstein', fmtNum(d.mean_goldstein)],
        ]),
        h('p', { class: 'links' }, link(hashFor('dyad', [e.source, e.target]), 'Dyad timeline →', 'btn small')),
        h('h3', {}, 'Evidence'), h('div', { class: 'evidence' }, loading('Fetching the events…'))));
    try {
      const [events, docs] = await Promise.all([fetchEvidence(d.evidence, { actor: e.source, ...r0 }), docIndex()]);
      const box = selection.querySelector('.evidence');
      if (box) put(box, eventList(events, docs));
    } catch (err) {
      const box = selection.querySelector('.evidence');
      if (box) put(box, errorBox(err));
    }
  }

  function showRelation(x) {
    put(selection, h('section', { class: 'selected', testid: 'relation-panel' },
      h('h2', {}, `${x.source} ${x.kind} ${x.target}`),
      h('p', { class: 'sub' }, `Asserted in ${plural(x.list.length, 'sentence')} (a standing tie the text states, not an event).`),
      h('ul', { class: 'event-list' }, x.list.map((rel) => h('li', { class: 'event-item' },
        h('a', { class: 'event-link', href: hashFor('doc', [rel.doc_id], { s: rel.sentence_index }) },
          h('span', { class: 'event-sentence' }, rel.sentence),
          h('span', { class: 'event-doc' }, `sentence ${rel.sentence_index + 1}`)))))));
  }

  await load();
}

function statGrid(rows) {
  return h('dl', { class: 'stats' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, String(v)))));
}

function sizeLegend(maxEvents) {
  const rScale = d3.scaleSqrt().domain([0, maxEvents]).range([0, 26]);
  const values = [...new Set([1, Math.max(1, Math.round(maxEvents / 4)), maxEvents])];
  const svg = d3.create('svg').attr('class', 'legend-svg').attr('viewBox', '0 0 240 74').attr('role', 'img')
    .attr('aria-label', `Node size: ${values.join(', ')} events`);
  let x = 8;
  for (const v of values) {
    const r = Math.max(4, rScale(v));
    svg.append('circle').attr('cx', x + r).attr('cy', 56 - r).attr('r', r).attr('class', 'legend-node');
    svg.append('text').attr('x', x + r).attr('y', 70).attr('text-anchor', 'middle').text(v);
    x += Math.max(2 * r, 14) + 28;
  }
  return svg.node();
}

let gradientSeq = 0;
function balanceLegend() {
  const id = `bal-${gradientSeq += 1}`;
  const svg = d3.create('svg').attr('class', 'legend-svg').attr('viewBox', '0 0 240 38').attr('role', 'img')
    .attr('aria-label', 'Edge colour from all conflict (red) through mixed (grey) to all cooperation (blue)');
  const g = svg.append('defs').append('linearGradient').attr('id', id);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) g.append('stop').attr('offset', t).attr('stop-color', balanceColor(t * 2 - 1));
  svg.append('rect').attr('x', 8).attr('y', 4).attr('width', 224).attr('height', 10).attr('rx', 3).attr('fill', `url(#${id})`);
  svg.append('text').attr('x', 8).attr('y', 30).text('conflict −1');
  svg.append('text').attr('x', 120).attr('y', 30).attr('text-anchor', 'middle').text('0');
  svg.append('text').attr('x', 232).attr('y', 30).attr('text-anchor', 'end').text('+1 cooperation');
  return svg.node();
}

function widthLegend(maxEdge) {
  const width = d3.scaleSqrt().domain([1, Math.max(2, maxEdge)]).range([1.2, 9]);
  const values = [...new Set([1, Math.max(1, Math.round(maxEdge / 2)), maxEdge])];
  const svg = d3.create('svg').attr('class', 'legend-svg').attr('viewBox', '0 0 240 26').attr('role', 'img')
    .attr('aria-label', `Edge width: ${values.join(', ')} events`);
  values.forEach((v, i) => {
    const x = 8 + i * 78;
    svg.append('line').attr('x1', x).attr('x2', x + 40).attr('y1', 12).attr('y2', 12)
      .attr('stroke-width', width(v)).attr('class', 'legend-edge');
    svg.append('text').attr('x', x + 46).attr('y', 16).text(v);
  });
  return svg.node();
}

// ---------------------------------------------------------------------------------------------
// Actors list and actor page
// ---------------------------------------------------------------------------------------------

async function renderActors(root, r, ctx) {
  const q = r.query.get('q') || '';
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'Code prefix or part of a name', testid: 'actor-search', maxlength: 100, 'aria-label': 'Search actors' });
  const form = h('form', { class: 'inline-form', role: 'search' }, input, h('button', { type: 'submit', class: 'btn primary' }, 'Search'));
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    window.location.hash = hashFor('actors', [], { q: input.value.trim() });
  });
  const body = h('div', {}, loading());
  root.append(h('section', { class: 'view' }, pageHead('Actors', 'Coded actors, most active first.', form), body));
  const rows = await api('/api/actors', { q: q || null, limit: 200 });
  if (!ctx.alive()) return;
  if (!rows.length) {
    put(body, empty(q ? `No actor matches “${q}”.` : 'No coded actors yet.', q ? 'Try a shorter code prefix or part of a name.' : 'Ingest documents first.'));
    return;
  }
  const maxE = d3.max(rows, (a) => a.events) || 1;
  put(body, h('table', { class: 'table', testid: 'actors-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Code'), h('th', {}, 'Most common name'), h('th', { class: 'num' }, 'Mentions'), h('th', { class: 'num' }, 'Events'), h('th', {}, ''))),
    h('tbody', {}, rows.map((a) => clickableRow(hashFor('actor', [a.code]), `${a.code} ${a.name || ''}`,
      h('td', {}, h('span', { class: 'code' }, a.code)), h('td', {}, a.name || '—'),
      h('td', { class: 'num' }, a.mentions), h('td', { class: 'num' }, a.events),
      h('td', { class: 'bar-cell' }, meter(a.events / maxE)))))));
}

function meter(fraction, cls = '') {
  const bar = h('span', { class: `meter-fill ${cls}` });
  bar.style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
  return h('span', { class: 'meter', 'aria-hidden': 'true' }, bar);
}

function clickableRow(href, label, ...cells) {
  const tr = h('tr', { class: 'clickable', tabindex: 0, 'aria-label': label }, cells);
  const go = () => { window.location.hash = href; };
  tr.addEventListener('click', (evt) => { if (!evt.target.closest('a')) go(); });
  tr.addEventListener('keydown', (evt) => { if (evt.key === 'Enter') { evt.preventDefault(); go(); } });
  return tr;
}

async function renderActor(root, r, ctx) {
  const code = (r.args[0] || '').toUpperCase();
  const page = h('section', { class: 'view actor-page', testid: 'actor-page', data: { code } }, loading(`Loading ${code}…`));
  root.append(page);
  const [a, related, docs] = await Promise.all([
    api(`/api/actors/${encodeURIComponent(code)}`),
    api('/api/actors', { q: code.slice(0, 3), limit: 100 }).catch(() => []),
    docIndex(),
  ]);
  if (!ctx.alive()) return;
  const name = a.names.length ? a.names[0][0] : null;
  const mentions = d3.sum(a.names, (n) => n[1]);
  const parent = code.length > 3 ? related.find((x) => x.code === code.slice(0, 3)) : null;
  const children = related.filter((x) => x.code !== code && x.code.startsWith(code));
  const folded = children.filter((x) => fold(x.code) === code);
  const narrower = children.filter((x) => fold(x.code) !== code);
  const codes = (list) => list.slice(0, 12).map((c, i) => [i ? ', ' : '', link(hashFor('actor', [c.code]), c.code), ` (${c.events})`]);
  put(page, 
    pageHead(h('span', {}, h('span', { class: 'code big', testid: 'actor-code' }, a.code), name ? h('span', { class: 'title-name' }, ` ${name}`) : null),
      `${plural(a.events, 'event')} as source or target · ${plural(mentions, 'mention')} under this exact code`,
      link(hashFor('events', [], { actor: a.code }), 'All events', 'btn'),
      link(hashFor('map', [], { actor: a.code }), 'On the map', 'btn'),
      link('#/network', 'Network', 'btn')),
    (parent || children.length) ? h('p', { class: 'note', testid: 'actor-related' },
      fold(code) !== code ? [`The network and the dyad timelines count ${code} as `, link(hashFor('actor', [fold(code)]), fold(code)), '; this page counts the exact code. ']
        : parent ? ['Broader code: ', link(hashFor('actor', [parent.code]), parent.code), '. '] : null,
      folded.length ? ['The network and the dyad timelines also count ', codes(folded), ` as ${code}; this page counts the exact code only. `] : null,
      narrower.length ? ['Narrower codes: ', codes(narrower), '.'] : null) : null,
    h('div', { class: 'actor-grid' },
      h('section', { class: 'card' }, h('h2', {}, 'Names'),
        a.names.length
          ? h('ul', { class: 'chips', testid: 'actor-names' }, a.names.map(([n, c]) => h('li', { class: 'chip' }, n, h('span', { class: 'chip-count' }, `×${c}`))))
          : empty('Never mentioned by name under this code.')),
      h('section', { class: 'card' }, h('h2', {}, 'Partners'),
        h('p', { class: 'sub small' }, 'Click a partner for the dyad timeline.'),
        a.partners.length ? partnerTable(a) : empty('No events with another coded actor.')),
      h('section', { class: 'card wide' }, h('h2', {}, 'Recent events'),
        h('p', { class: 'sub' }, 'Newest first; click one to read it in its document.'),
        eventList(a.recent, docs, 'No events.'))));
}

function partnerTable(a) {
  const maxE = d3.max(a.partners, (p) => p.events) || 1;
  return h('table', { class: 'table compact', testid: 'partners-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Partner'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Coop.'), h('th', { class: 'num' }, 'Conflict'), h('th', {}, 'Balance'), h('th', {}, ''))),
    h('tbody', {}, a.partners.map((p) => {
      const dyad = hashFor('dyad', [fold(a.code), fold(p.code)]);
      const bal = p.events ? (p.cooperation - p.conflict) / p.events : 0;
      const swatch = h('span', { class: 'balance-chip' });
      swatch.style.background = balanceColor(bal);
      const tr = clickableRow(dyad, `Dyad timeline ${a.code} and ${p.code}`,
        h('td', {}, link(dyad, p.code, 'code partner-link')),
        h('td', { class: 'num' }, h('span', { class: 'meter-wrap' }, meter(p.events / maxE), ` ${p.events}`)),
        h('td', { class: 'num coop' }, p.cooperation), h('td', { class: 'num conf' }, p.conflict),
        h('td', {}, swatch, ` ${fmtNum(bal, 2)}`),
        h('td', {}, link(hashFor('actor', [p.code]), 'actor ›', 'small')));
      tr.dataset.testid = 'partner-row';
      return tr;
    })));
}

// ---------------------------------------------------------------------------------------------
// 3. Dyad timeline
// ---------------------------------------------------------------------------------------------

async function renderDyad(root, r, ctx) {
  const src = (r.args[0] || '').toUpperCase();
  const tgt = (r.args[1] || '').toUpperCase();
  const period = ['day', 'week', 'month'].includes(r.query.get('period')) ? r.query.get('period') : 'month';
  const directed = r.query.get('directed') === '1';
  const sIn = h('input', { type: 'search', name: 'source', value: src, placeholder: 'RUS', testid: 'dyad-source', required: true, maxlength: 20, autocomplete: 'off', spellcheck: 'false' });
  const tIn = h('input', { type: 'search', name: 'target', value: tgt, placeholder: 'SYR', testid: 'dyad-target', required: true, maxlength: 20, autocomplete: 'off', spellcheck: 'false' });
  const per = h('select', { name: 'period', testid: 'dyad-period' }, ['month', 'week', 'day'].map((p) => h('option', { value: p, selected: p === period }, p)));
  const dir = h('input', { type: 'checkbox', name: 'directed', checked: directed });
  const swap = h('button', { type: 'button', class: 'btn small', 'aria-label': 'Swap source and target', title: 'Swap' }, '⇄');
  swap.addEventListener('click', () => { const v = sIn.value; sIn.value = tIn.value; tIn.value = v; });
  const form = h('form', { class: 'dyad-form', 'aria-label': 'Pick a dyad' },
    field('Source', sIn), actorSuggestions(sIn), swap, field('Target', tIn), actorSuggestions(tIn),
    field('Period', per), h('label', { class: 'check' }, dir, 'Source → target only'),
    h('button', { type: 'submit', class: 'btn primary', testid: 'dyad-show' }, 'Show'));
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    const a = fold(sIn.value.trim());
    const b = fold(tIn.value.trim());
    if (!a || !b) return;
    window.location.hash = hashFor('dyad', [a, b], { period: per.value === 'month' ? null : per.value, directed: dir.checked ? '1' : null });
  });
  const body = h('div', { class: 'dyad-body' });
  root.append(h('section', { class: 'view' },
    pageHead('Dyad timeline', 'Cooperation above the axis, conflict below, mean Goldstein as a line; fissures shaded.'), form,
    h('p', { class: 'hint form-note' }, 'Both directions unless “Source → target only”. As in the network, state agencies count with their country (SYRGOV and SYRMIL as SYR).'),
    body));
  if (!src || !tgt) {
    body.append(empty('Pick two actors to compare.', 'Type a code or a name in Source and Target (suggestions appear as you type), or click a partner on an actor page.'));
    return;
  }
  body.append(loading(`Loading ${src} – ${tgt}…`));
  const [data, docs, span] = await Promise.all([
    api('/api/dyads', { source: src, target: tgt, period, directed: directed ? 'true' : null }),
    docIndex(),
    api('/api/periods', { period }).catch(() => []),
  ]);
  if (!ctx.alive()) return;
  body.replaceChildren();
  const series = data.series;
  if (!series.length) {
    body.append(empty(`No dated events between ${src} and ${tgt}${directed ? ' in that direction' : ''}.`,
      'The timeline counts dated events only, and state agencies with their country (SYRGOV as SYR). Check the codes on the Actors page, or try another pair.'));
    if (span.length) {
      const frame = h('div', { class: 'chart-box card empty-chart' });
      body.append(frame);
      drawDyadChart(frame, data, period, span, () => {}, () => {});
    }
    return;
  }
  const totals = series.reduce((acc, s) => { acc.events += s.events; acc.coop += s.cooperation; acc.conf += s.conflict; return acc; }, { events: 0, coop: 0, conf: 0 });
  body.append(h('div', { class: 'dyad-summary' },
    h('h2', {}, link(hashFor('actor', [src]), src, 'code'), directed ? ' → ' : ' – ', link(hashFor('actor', [tgt]), tgt, 'code')),
    statGrid([['Events', totals.events], ['Cooperation', totals.coop], ['Conflict', totals.conf], ['Periods', series.length], ['Fissures', data.fissures.length]])));
  const chartBox = h('div', { class: 'chart-box card' });
  const evidence = h('section', { class: 'card evidence-card', testid: 'dyad-evidence', 'aria-live': 'polite' },
    h('p', { class: 'hint' }, 'Click a period (a bar) to list its events; click a fissure’s label to list the conflict events that followed.'));
  body.append(chartBox, evidence);
  drawDyadChart(chartBox, data, period, span, async (p, row) => {
    put(evidence, h('h2', {}, fmtPeriod(p, period)),
      row ? h('p', { class: 'sub' }, `${plural(row.events, 'event')}: ${row.quad[0]} verbal + ${row.quad[1]} material cooperation, ${row.quad[2]} verbal + ${row.quad[3]} material conflict; mean Goldstein ${fmtNum(row.mean_goldstein)}`)
        : h('p', { class: 'sub' }, 'No events in this period.'),
      row ? loading('Fetching the events…') : null);
    if (!row) return;
    try {
      const events = await fetchEvidence(row.evidence, { actor: src, start: p, end: nextPeriod(p, period) });
      if (!ctx.alive()) return;
      evidence.lastChild.replaceWith(eventList(events, docs));
    } catch (err) {
      evidence.lastChild.replaceWith(errorBox(err));
    }
  }, async (f) => {
    put(evidence, h('h2', {}, `Fissure: ${fmtPeriod(f.before, period)} → ${fmtPeriod(f.after, period)}`),
      h('p', { class: 'sub' }, fissureText(f)), loading('Fetching the conflict events of the later period…'));
    try {
      const events = await fetchEvidence(f.evidence, { actor: src, start: f.after, end: nextPeriod(f.after, period) });
      if (!ctx.alive()) return;
      evidence.lastChild.replaceWith(eventList(events, docs));
    } catch (err) {
      evidence.lastChild.replaceWith(errorBox(err));
    }
  });
}

function fissureText(f) {
  const pb = f.cooperation_before + f.conflict_before;
  const pa = f.cooperation_after + f.conflict_after;
  return `Cooperative share fell from ${f.cooperation_before}/${pb} to ${f.cooperation_after}/${pa} (one-sided Fisher exact p = ${f.p_value < 0.001 ? f.p_value.toExponential(1) : f.p_value.toFixed(3)}).`;
}

function drawDyadChart(box, data, period, span, onPeriod, onFissure) {
  const rows = new Map(data.series.map((s) => [s.period, s]));
  let periods = [...rows.keys()];
  for (const f of data.fissures) periods.push(f.before, f.after);
  periods = [...new Set(periods)].sort();
  // Every period from the store's first to its last (else the dyad's own), empty ones included,
  // so time reads left to right evenly and the dyad sits in the corpus's time span.
  const fill = (a, b) => {
    const out = [];
    for (let p = a; p <= b && out.length <= 400; p = nextPeriod(p, period)) out.push(p);
    return out.length <= 400 ? out : null;
  };
  const first = periods.length ? periods[0] : span[0];
  const last = periods.length ? periods[periods.length - 1] : span[span.length - 1];
  periods = (span.length && fill(span[0] < first ? span[0] : first, span[span.length - 1] > last ? span[span.length - 1] : last))
    || fill(first, last) || periods;

  const W = Math.max(640, box.clientWidth - 32 || 900);
  const H = 340;
  const m = { t: 34, r: 52, b: 42, l: 48 };
  const maxUp = d3.max(data.series, (s) => s.cooperation) || 0;
  const maxDown = d3.max(data.series, (s) => s.conflict) || 0;
  const M = Math.max(1, maxUp, maxDown);
  const x = d3.scaleBand().domain(periods).range([m.l, W - m.r]).paddingInner(0.25).paddingOuter(0.15);
  const y = d3.scaleLinear().domain([-M, M]).nice().range([H - m.b, m.t]);
  const yTicks = y.ticks(Math.min(8, 2 * M)).filter((v) => Number.isInteger(v));
  const barW = Math.min(x.bandwidth(), 56);
  const barX = (p) => x(p) + (x.bandwidth() - barW) / 2;
  const g = d3.scaleLinear().domain([-11, 11]).range([H - m.b, m.t]);

  const legend = h('ul', { class: 'legend-inline' },
    [1, 2, 3, 4].map((q) => legendSwatch(`q${q}`, QUAD[q])),
    legendSwatch('goldstein-line', 'Mean Goldstein (right axis)'),
    legendSwatch('fissure', 'Fissure'));
  box.append(legend);
  const svg = d3.select(box).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'dyad-svg')
    .attr('data-testid', 'dyad-chart').attr('role', 'img')
    .attr('aria-label', `Events between ${data.source} and ${data.target} per ${period}`);

  // Fissure bands, behind everything.
  // The band spans the two periods; its labelled strip above the plot is the handle (the bars
  // inside the band stay clickable).
  const bandX = (f) => x(f.before);
  const bandW = (f) => x(f.after) + x.bandwidth() - x(f.before);
  const band = svg.append('g').attr('class', 'fissures').selectAll('g').data(data.fissures).join('g').attr('class', 'fissure-band');
  band.append('rect').attr('class', 'band').attr('x', bandX).attr('width', bandW).attr('y', m.t - 16).attr('height', H - m.b - m.t + 16);
  const fis = band.append('g').attr('class', 'fissure').attr('data-testid', 'fissure').attr('tabindex', 0).attr('role', 'button')
    .attr('aria-label', (f) => `Fissure between ${fmtPeriod(f.before, period)} and ${fmtPeriod(f.after, period)}, p = ${f.p_value}; list the conflict events`);
  fis.append('rect').attr('class', 'handle').attr('x', bandX).attr('width', bandW).attr('y', m.t - 16).attr('height', 16);
  fis.append('text').attr('x', (f) => bandX(f) + bandW(f) / 2).attr('y', m.t - 4).attr('text-anchor', 'middle')
    .text((f) => `fissure · p = ${f.p_value < 0.001 ? f.p_value.toExponential(1) : f.p_value.toFixed(3)}`);
  withTip(fis, (f) => [`Fissure ${fmtPeriod(f.before, period)} → ${fmtPeriod(f.after, period)}`, fissureText(f), 'Click to list the conflict events'], true);
  fis.on('click', (evt, f) => onFissure(f)).on('keydown', (evt, f) => { if (evt.key === 'Enter' || evt.key === ' ') { evt.preventDefault(); onFissure(f); } });

  // Axes and grid.
  svg.append('g').attr('class', 'grid').attr('transform', `translate(${m.l},0)`)
    .call(d3.axisLeft(y).tickValues(yTicks).tickSize(-(W - m.l - m.r)).tickFormat(''));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.l},0)`)
    .call(d3.axisLeft(y).tickValues(yTicks).tickFormat((v) => Math.abs(v)));
  svg.append('g').attr('class', 'axis goldstein-axis').attr('transform', `translate(${W - m.r},0)`)
    .call(d3.axisRight(g).tickValues([-10, -5, 0, 5, 10]));
  const every = Math.ceil(periods.length / Math.max(1, Math.floor((W - m.l - m.r) / 70)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.b})`)
    .call(d3.axisBottom(x).tickValues(periods.filter((p, i) => i % every === 0)).tickFormat((p) => shortPeriod(p, period)));
  svg.append('line').attr('class', 'zero').attr('x1', m.l).attr('x2', W - m.r).attr('y1', y(0)).attr('y2', y(0));
  svg.append('text').attr('class', 'axis-title').attr('x', m.l - 40).attr('y', m.t - 20).text('▲ cooperation');
  svg.append('text').attr('class', 'axis-title').attr('x', m.l - 40).attr('y', H - 6).text('▼ conflict');
  svg.append('text').attr('class', 'axis-title').attr('x', W - m.r + 46).attr('y', m.t - 20).attr('text-anchor', 'end').text('Goldstein');

  // Bars: stacked by QuadClass, cooperation up, conflict down.
  const cols = svg.append('g').attr('class', 'columns').selectAll('g').data(periods).join('g')
    .attr('class', 'column').attr('data-testid', 'dyad-bar').attr('data-period', (p) => p)
    .attr('tabindex', (p) => (rows.has(p) ? 0 : null)).attr('role', (p) => (rows.has(p) ? 'button' : null))
    .attr('aria-label', (p) => { const s = rows.get(p); return s ? `${fmtPeriod(p, period)}: ${s.cooperation} cooperation, ${s.conflict} conflict` : null; });
  cols.append('rect').attr('class', 'column-hit').attr('x', (p) => x(p) - (x.step() - x.bandwidth()) / 2)
    .attr('width', x.step()).attr('y', m.t).attr('height', H - m.b - m.t);
  const segs = (p) => {
    const s = rows.get(p);
    if (!s) return [];
    const [q1, q2, q3, q4] = s.quad;
    return [
      { q: 1, y0: 0, y1: q1 }, { q: 2, y0: q1, y1: q1 + q2 },
      { q: 3, y0: 0, y1: -q3 }, { q: 4, y0: -q3, y1: -q3 - q4 },
    ].filter((b) => b.y0 !== b.y1);
  };
  cols.selectAll('rect.bar').data((p) => segs(p).map((b) => ({ ...b, p }))).join('rect')
    .attr('class', (b) => `bar q${b.q}`).attr('x', (b) => barX(b.p)).attr('width', barW)
    .attr('y', (b) => y(Math.max(b.y0, b.y1))).attr('height', (b) => Math.abs(y(b.y0) - y(b.y1)));
  const colTip = (p) => {
    const s = rows.get(p);
    if (!s) return [fmtPeriod(p, period), 'No events'];
    return [fmtPeriod(p, period), `${s.cooperation} cooperation (${s.quad[0]} verbal, ${s.quad[1]} material)`,
      `${s.conflict} conflict (${s.quad[2]} verbal, ${s.quad[3]} material)`, `mean Goldstein ${fmtNum(s.mean_goldstein)}`, 'Click to list the events'];
  };
  withTip(cols.filter((p) => rows.has(p)), colTip, true);
  withTip(cols.filter((p) => !rows.has(p)), colTip);
  cols.on('click', (evt, p) => { cols.classed('selected', (q) => q === p); onPeriod(p, rows.get(p)); })
    .on('keydown', (evt, p) => { if (evt.key === 'Enter' || evt.key === ' ') { evt.preventDefault(); cols.classed('selected', (q) => q === p); onPeriod(p, rows.get(p)); } });

  // Mean Goldstein line (gaps where a period has no events).
  const line = d3.line().defined((p) => rows.has(p)).x((p) => x(p) + x.bandwidth() / 2).y((p) => g(rows.get(p).mean_goldstein));
  const bridge = d3.line().x((p) => x(p) + x.bandwidth() / 2).y((p) => g(rows.get(p).mean_goldstein));
  svg.append('path').attr('class', 'goldstein-bridge').attr('d', bridge(periods.filter((p) => rows.has(p))));
  svg.append('path').attr('class', 'goldstein').attr('d', line(periods));
  svg.append('g').selectAll('circle').data(periods.filter((p) => rows.has(p))).join('circle')
    .attr('class', 'goldstein-dot').attr('r', 3.5).attr('cx', (p) => x(p) + x.bandwidth() / 2).attr('cy', (p) => g(rows.get(p).mean_goldstein));
}

// ---------------------------------------------------------------------------------------------
// 4. Map
// ---------------------------------------------------------------------------------------------

let worldPromise = null;
function world() {
  if (!worldPromise) {
    const headers = TOKEN ? { Authorization: 'Bearer ' + TOKEN } : {};
    worldPromise = fetch('/static/vendor/countries-110m.json', { headers }).then((res) => {
      if (!res.ok) throw new ApiError(res.status, 'The world basemap (static/vendor/countries-110m.json) is missing: run `make web`.');
      return res.json();
    }).then((topo) => topojson.feature(topo, topo.objects.countries))
      .catch((err) => { worldPromise = null; throw err; });
  }
  return worldPromise;
}

async function renderMap(root, r, ctx) {
  const filters = filtersFrom(r.query);
  const form = filterForm(r.query, (p) => { window.location.hash = hashFor('map', [], p); }, () => { window.location.hash = '#/map'; });
  const status = h('span', { class: 'summary', 'aria-live': 'polite' });
  const worldBtn = h('button', { type: 'button', class: 'btn small' }, 'World');
  const fitBtn = h('button', { type: 'button', class: 'btn small' }, 'Fit to events');
  const canvas = h('div', { class: 'canvas map-canvas' }, loading('Loading the basemap and the events…'));
  const side = h('aside', { class: 'side-panel' });
  root.append(h('section', { class: 'view view-fill map-view' },
    h('details', { class: 'filter-box', open: true }, h('summary', {}, 'Filters', Object.keys(filters).length ? `: ${activeFilterText(filters)}` : ''), form),
    h('div', { class: 'toolbar' }, status, h('span', { class: 'spacer' }), fitBtn, worldBtn,
      link(hashFor('events', [], filters), 'As a table', 'btn small')),
    h('div', { class: 'split' }, canvas, side)));

  const [countries, { total, events }, docs] = await Promise.all([world(), fetchAllEvents(filters), docIndex()]);
  if (!ctx.alive()) return;
  const placed = events.filter((e) => e.location && e.location.lat !== null && e.location.lon !== null && e.location.lat !== undefined);
  const countryOnly = events.filter((e) => e.location && (e.location.lat === null || e.location.lat === undefined) && e.location.country);
  const nowhere = events.length - placed.length - countryOnly.length;
  status.textContent = `${plural(total, 'event')}${events.length < total ? ` (first ${events.length} loaded)` : ''} · ${placed.length} at a place · ${countryOnly.length} located only to a country · ${nowhere} without a location`;

  const byCountry = d3.group(countryOnly, (e) => ISO_NUMERIC[e.location.country]);
  const W = Math.max(500, canvas.clientWidth || 900);
  const H = Math.max(320, canvas.clientHeight || 560);
  canvas.replaceChildren();
  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const svg = d3.select(canvas).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('class', 'map-svg')
    .attr('data-testid', 'map').attr('role', 'img').attr('aria-label', `Map of ${placed.length} located events`);
  const g = svg.append('g');
  g.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  g.append('path').attr('class', 'graticule').attr('d', path(d3.geoGraticule10()));
  const maxC = d3.max([...byCountry.values()], (v) => v.length) || 1;
  const shade = d3.scaleLinear().domain([1, Math.max(2, maxC)]).range(['#ebe4f3', '#ae98cc']).interpolate(d3.interpolateLab);
  const land = g.append('g').selectAll('path').data(countries.features).join('path')
    .attr('class', (f) => (byCountry.has(f.id) ? 'country has-events' : 'country'))
    .attr('d', path)
    .attr('fill', (f) => (byCountry.has(f.id) ? shade(byCountry.get(f.id).length) : null));
  land.filter((f) => byCountry.has(f.id))
    .attr('tabindex', 0).attr('role', 'button').attr('data-testid', 'map-country')
    .attr('aria-label', (f) => `${f.properties.name}: ${byCountry.get(f.id).length} events located only to the country`)
    .on('click', (evt, f) => showCountry(f))
    .on('keydown', (evt, f) => { if (evt.key === 'Enter' || evt.key === ' ') { evt.preventDefault(); showCountry(f); } });
  withTip(land.filter((f) => byCountry.has(f.id)), (f) => [f.properties.name, `${plural(byCountry.get(f.id).length, 'event')} located only to the country`, 'Click to list them'], true);

  // Points: events at the same spot fan out on a small spiral (in screen pixels).
  const seen = new Map();
  const pts = placed.map((e) => {
    const p = projection([e.location.lon, e.location.lat]);
    if (!p) return null;
    const key = `${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    const i = seen.get(key) || 0;
    seen.set(key, i + 1);
    const a = i * 2.4;
    const rr = i ? 11.5 * Math.sqrt(i) : 0; // neighbours 2 radii apart
    return { e, x: p[0], y: p[1], dx: rr * Math.cos(a), dy: rr * Math.sin(a) };
  }).filter(Boolean);
  const pointSel = g.append('g').attr('class', 'points').selectAll('circle').data(pts).join('circle')
    .attr('class', (p) => `map-point q${p.e.quad_class}${p.e.location.inferred ? ' inferred' : ''}`)
    .attr('data-testid', 'map-point').attr('data-event-id', (p) => p.e.event_id).attr('tabindex', 0).attr('role', 'link')
    .attr('aria-label', (p) => `${p.e.code} ${p.e.source.code || ''} at ${p.e.location.name}; open the document`);
  withTip(pointSel, (p) => [
    `${p.e.location.name}${p.e.location.inferred ? ' (inferred)' : ''}`,
    `${p.e.code}${p.e.plover && p.e.plover.type ? ' ' + p.e.plover.type.toLowerCase() : ''} · ${QUAD[p.e.quad_class]}`,
    `${p.e.source.code || '?'} → ${p.e.target.code || '—'} · ${fmtEventDate(p.e) || 'undated'}`,
    p.e.sentence.length > 140 ? p.e.sentence.slice(0, 137) + '…' : p.e.sentence,
    'Click to open the document',
  ], true);
  const openPoint = (p) => { window.location.hash = docHref(p.e); };
  pointSel.on('click', (evt, p) => openPoint(p)).on('keydown', (evt, p) => { if (evt.key === 'Enter') openPoint(p); });

  let k = 1;
  const place = () => pointSel.attr('cx', (p) => p.x + p.dx / k).attr('cy', (p) => p.y + p.dy / k).attr('r', 5.5 / k);
  const zoom = d3.zoom().scaleExtent([1, 60]).translateExtent([[0, 0], [W, H]]).on('zoom', (evt) => {
    g.attr('transform', evt.transform);
    k = evt.transform.k;
    place();
  });
  svg.call(zoom);
  place();
  const fitTo = (animate) => {
    const xy = pts.map((p) => [p.x, p.y]);
    for (const [id] of byCountry) {
      const f = countries.features.find((c) => c.id === id);
      if (f) { const b = path.bounds(f); xy.push(b[0], b[1]); }
    }
    if (!xy.length) return;
    // The bulk of the events: drop far outliers (a mis-placed town) by distance from the median.
    const keep = (vals) => {
      const med = d3.median(vals);
      const mad = d3.median(vals, (v) => Math.abs(v - med));
      return (v) => Math.abs(v - med) <= 5 * mad + 25;
    };
    const kx = keep(xy.map((p) => p[0]));
    const ky = keep(xy.map((p) => p[1]));
    const bulk = xy.filter((p) => kx(p[0]) && ky(p[1]));
    const [x0, x1] = d3.extent(bulk.length ? bulk : xy, (p) => p[0]);
    const [y0, y1] = d3.extent(bulk.length ? bulk : xy, (p) => p[1]);
    const kk = Math.min(12, 0.85 / Math.max((x1 - x0 + 20) / W, (y1 - y0 + 20) / H));
    const t = d3.zoomIdentity.translate(W / 2 - (kk * (x0 + x1)) / 2, H / 2 - (kk * (y0 + y1)) / 2).scale(Math.max(1, kk));
    (animate ? svg.transition().duration(500) : svg).call(zoom.transform, t);
  };
  fitBtn.addEventListener('click', () => fitTo(true));
  worldBtn.addEventListener('click', () => svg.transition().duration(500).call(zoom.transform, d3.zoomIdentity));
  fitTo(false);

  const selection = h('div', { class: 'selection', 'aria-live': 'polite' },
    events.length ? h('p', { class: 'hint' }, 'Click a point to open its document. Countries shaded purple hold events the text places only in the country: click one to list them. Scroll to zoom, drag to pan.')
      : empty('No events match these filters.', 'Loosen the filters (Clear), or ingest more documents.'));
  side.append(h('section', { class: 'legend', testid: 'map-legend' }, h('h2', {}, 'Legend'),
    h('h3', {}, 'Point colour: QuadClass'),
    h('ul', { class: 'legend-list' }, [1, 2, 3, 4].map((q) => legendSwatch(`dot q${q}`, QUAD[q]))),
    h('h3', {}, 'Point fill: where the place comes from'),
    h('ul', { class: 'legend-list' },
      legendSwatch('dot filled', 'Named in the text'),
      legendSwatch('dot hollow', 'Inferred (not named in the sentence)')),
    h('h3', {}, 'Country shading: events located only to a country'),
    h('ul', { class: 'legend-list' }, legendSwatch('ramp', `1 to ${maxC} events`))), selection);

  function showCountry(f) {
    const list = byCountry.get(f.id) || [];
    put(selection, h('section', { class: 'selected', testid: 'country-panel' },
      h('h2', {}, f.properties.name),
      h('p', { class: 'sub' }, `${plural(list.length, 'event')} located only to the country (${list.filter((e) => e.location.inferred).length} inferred).`),
      eventList(list, docs)));
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Events table
// ---------------------------------------------------------------------------------------------

async function renderEvents(root, r, ctx) {
  const filters = filtersFrom(r.query);
  const offset = Math.max(0, Number.parseInt(r.query.get('offset') || '0', 10) || 0);
  const form = filterForm(r.query, (p) => { window.location.hash = hashFor('events', [], p); }, () => { window.location.hash = '#/events'; });
  const status = h('span', { class: 'summary', testid: 'events-total', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'btn small', testid: 'page-prev', disabled: true }, '‹ Previous');
  const next = h('button', { type: 'button', class: 'btn small', testid: 'page-next', disabled: true }, 'Next ›');
  const body = h('div', { class: 'table-wrap' }, loading('Loading events…'));
  root.append(h('section', { class: 'view' },
    pageHead('Events', Object.keys(filters).length ? activeFilterText(filters) : 'All coded events, by day then document order.'),
    h('div', { class: 'filter-box' }, form),
    h('div', { class: 'toolbar' }, status, h('span', { class: 'spacer' }), link(hashFor('map', [], filters), 'On the map', 'btn small'), prev, next),
    body));
  const goto = (o) => { window.location.hash = hashFor('events', [], { ...filters, offset: o || null }); };
  prev.addEventListener('click', () => goto(Math.max(0, offset - PAGE)));
  next.addEventListener('click', () => goto(offset + PAGE));

  const [page, docs] = await Promise.all([api('/api/events', { ...filters, limit: PAGE, offset }), docIndex()]);
  if (!ctx.alive()) return;
  const n = page.events.length;
  status.textContent = page.total ? `${plural(page.total, 'event')} · showing ${offset + 1}–${offset + n}` : 'No events';
  prev.disabled = offset === 0;
  next.disabled = offset + n >= page.total;
  if (!n) {
    put(body, empty(page.total ? 'No events on this page.' : 'No events match these filters.',
      page.total ? link(hashFor('events', [], filters), 'Back to the first page') : 'Loosen the filters (an actor or code is matched as a prefix), or press Clear.'));
    return;
  }
  const cols = ['date', 'code', 'source', 'target', 'voice', 'modality', 'place', 'sentence'];
  put(body, h('table', { class: 'table events-table', testid: 'events-table' },
    h('colgroup', {}, cols.map((c) => h('col', { class: `col-${c}` }))),
    h('thead', {}, h('tr', {}, ['Date', 'Code', 'Source', 'Target', 'Voice', 'Modality', 'Place', 'Sentence'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, page.events.map((e) => eventRow(e, docs)))),
  page.events.some((e) => !e.date) ? h('p', { class: 'hint table-note' }, '* No date in the text: the date shown is the document’s publication date. Click a row to read the event in its document.')
    : h('p', { class: 'hint table-note' }, 'Click a row to read the event in its document.'));
}

function attribution(a) {
  if (!a) return '';
  if (typeof a === 'string') return a;
  return [a.text, a.code ? `(${a.code})` : null].filter(Boolean).join(' ');
}

function eventRow(e, docs) {
  const doc = docs.get(e.doc_id);
  const date = fmtEventDate(e);
  const loc = e.location;
  const tr = clickableRow(docHref(e), `${e.code} ${e.source.code || ''} ${e.target.code || ''}: open the document`,
    h('td', { class: 'nowrap' }, date || (doc && doc.published
      ? h('span', { class: 'muted', title: 'No date in the text: the publication date' }, doc.published, '*')
      : h('span', { class: 'muted' }, '—'))),
    h('td', { class: 'nowrap' }, quadDot(e.quad_class), h('span', { class: 'code', title: `root ${e.root} · ${QUAD[e.quad_class]} · Goldstein ${e.goldstein}` }, e.code),
      e.plover && e.plover.type ? h('span', { class: 'plover' }, e.plover.type.toLowerCase()) : null),
    h('td', {}, actorLabel(e.source)),
    h('td', {}, actorLabel(e.target)),
    h('td', {}, h('span', { class: `voice-tag v-${e.voice}` }, e.voice), e.attributed_to ? h('span', { class: 'muted small sub-line' }, attribution(e.attributed_to)) : null),
    h('td', {}, e.modality || '—'),
    h('td', {}, loc ? [loc.name || loc.country || '—', loc.inferred ? h('span', { class: 'muted small' }, ' inferred') : null] : h('span', { class: 'muted' }, '—')),
    h('td', { class: 'sentence-cell', title: e.sentence }, h('span', { class: 'clamp' }, sentenceWithTrigger(e))));
  tr.dataset.testid = 'event-row';
  tr.dataset.eventId = e.event_id;
  return tr;
}

// ---------------------------------------------------------------------------------------------
// 6. Documents and the document view
// ---------------------------------------------------------------------------------------------

async function renderDocuments(root, r, ctx) {
  const q = r.query.get('q') || '';
  const offset = Math.max(0, Number.parseInt(r.query.get('offset') || '0', 10) || 0);
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'Words in a sentence', testid: 'doc-search', maxlength: 200, 'aria-label': 'Search sentences' });
  const form = h('form', { class: 'inline-form', role: 'search' }, input, h('button', { type: 'submit', class: 'btn primary', testid: 'doc-search-submit' }, 'Search'));
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    window.location.hash = hashFor('documents', [], { q: input.value.trim() });
  });
  const body = h('div', {}, loading());
  root.append(h('section', { class: 'view' }, pageHead('Documents', q ? `Sentences holding every word of “${q}”` : 'Newest first. Search finds sentences holding every word.', form), body));
  if (q) {
    const hits = await api('/api/search', { q, limit: 100 });
    if (!ctx.alive()) return;
    if (!hits.length) {
      put(body, empty(`No sentence holds every word of “${q}”.`, 'Try fewer words.', link('#/documents', 'All documents')));
      return;
    }
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    put(body, h('p', { class: 'sub' }, plural(hits.length, 'sentence'), ' · ', link('#/documents', 'all documents')),
      h('ul', { class: 'event-list card', testid: 'search-results' }, hits.map((s) => h('li', { class: 'event-item' },
        h('a', { class: 'event-link', href: hashFor('doc', [s.doc_id], { s: s.sentence_index }) },
          h('span', { class: 'event-sentence' }, markWords(s.text, words)),
          h('span', { class: 'event-doc' }, `${s.doc} · sentence ${s.sentence_index + 1} · ${s.voice}`))))));
    return;
  }
  const page = await api('/api/documents', { limit: PAGE, offset });
  if (!ctx.alive()) return;
  if (!page.total) {
    put(body, empty('The store holds no documents.', 'Ingest some with `actorgraph ingest FOLDER --db FILE`, or try Code a document.'));
    return;
  }
  const pager = h('div', { class: 'toolbar' }, h('span', { class: 'summary' }, `${plural(page.total, 'document')} · showing ${offset + 1}–${offset + page.documents.length}`),
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', class: 'btn small', disabled: offset === 0, onclick: () => { window.location.hash = hashFor('documents', [], { offset: Math.max(0, offset - PAGE) || null }); } }, '‹ Previous'),
    h('button', { type: 'button', class: 'btn small', disabled: offset + page.documents.length >= page.total, onclick: () => { window.location.hash = hashFor('documents', [], { offset: offset + PAGE }); } }, 'Next ›'));
  put(body, pager, h('table', { class: 'table', testid: 'documents-table' },
    h('thead', {}, h('tr', {}, ['Title', 'Published', 'Genre', 'Source', 'Events'].map((c) => h('th', { scope: 'col', class: c === 'Events' ? 'num' : null }, c)))),
    h('tbody', {}, page.documents.map((d) => {
      const tr = clickableRow(hashFor('doc', [d.doc_id]), d.title || d.name,
        h('td', {}, h('span', { class: 'doc-title' }, d.title || d.name), d.title ? h('span', { class: 'muted small sub-line' }, d.name) : null),
        h('td', { class: 'nowrap' }, d.published || '—'), h('td', {}, d.genre || '—'), h('td', {}, d.source || '—'),
        h('td', { class: 'num' }, d.events));
      tr.dataset.testid = 'document-row';
      return tr;
    }))));
}

function markWords(text, words) {
  if (!words.length) return [text];
  const lower = text.toLowerCase();
  const out = [];
  let pos = 0;
  while (pos < text.length) {
    let best = -1;
    let len = 0;
    for (const w of words) {
      const i = lower.indexOf(w, pos);
      if (i >= 0 && (best < 0 || i < best)) { best = i; len = w.length; }
    }
    if (best < 0) break;
    out.push(text.slice(pos, best), h('mark', { class: 'hit' }, text.slice(best, best + len)));
    pos = best + len;
  }
  out.push(text.slice(pos));
  return out;
}

async function renderDocPage(root, r, ctx) {
  const id = r.args[0] || '';
  const box = h('section', { class: 'view' }, loading('Loading the document…'));
  root.append(box);
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  if (!ctx.alive()) return;
  put(box, documentView(doc, {
    event: r.query.get('event'),
    sentence: r.query.has('s') ? Number(r.query.get('s')) : null,
    onSelect: (eventId) => replaceHash(hashFor('doc', [doc.doc_id], { event: eventId })),
  }));
  const target = box.querySelector('.focus, .trigger.selected');
  if (target) target.scrollIntoView({ block: 'center' });
}

const KIND_ORDER = { focus: 0, mention: 1, cue: 2, trigger: 3 };

/** The document with its voice blocks, mentions, triggers and relation cues; a side panel for
 * the selected event. `doc` is the API's document shape (GET /api/documents/{id}, POST /api/code). */
function documentView(doc, opts = {}) {
  const text = doc.text || '';
  const L = text.length;
  const ok = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= L && s.end > s.start;
  const spans = [];
  for (const m of doc.mentions || []) if (ok(m)) spans.push({ kind: 'mention', start: m.start, end: m.end, m });
  const byTrigger = d3.group((doc.events || []).filter((e) => ok(e.trigger)), (e) => `${e.trigger.start}:${e.trigger.end}`);
  for (const evs of byTrigger.values()) spans.push({ kind: 'trigger', start: evs[0].trigger.start, end: evs[0].trigger.end, events: evs });
  for (const rel of doc.relations || []) if (ok(rel.cue)) spans.push({ kind: 'cue', start: rel.cue.start, end: rel.cue.end, rel });
  if (opts.sentence !== null && opts.sentence !== undefined) {
    const s = (doc.sentences || []).find((x) => x.index === opts.sentence);
    if (ok(s)) spans.push({ kind: 'focus', start: s.start, end: s.end });
  }

  const triggerEls = new Map(); // event_id -> mark
  const showMentions = h('input', { type: 'checkbox', checked: true, testid: 'toggle-mentions' });
  const showTriggers = h('input', { type: 'checkbox', checked: true, testid: 'toggle-triggers' });
  const textBox = h('div', { class: 'doc-text', lang: 'en' });
  const panelSlot = h('div', { class: 'panel-slot' });
  const side = h('aside', { class: 'doc-side', 'aria-label': 'Events and relations of the document' }, panelSlot);

  const makeEl = (s, first) => {
    if (s.kind === 'mention') {
      const m = s.m;
      const el = h('span', { class: `mention${m.code ? '' : ' uncoded'}`, title: `${m.code || 'no code'} · ${m.kind || 'mention'}: ${m.text}`, data: { code: m.code || '' } });
      if (first) el.dataset.testid = 'mention';
      return el;
    }
    if (s.kind === 'trigger') {
      const e0 = s.events[0];
      const worst = d3.max(s.events, (e) => e.quad_class);
      const el = h('mark', { class: `trigger q${worst}`, tabindex: 0, role: 'button',
        'aria-label': `Event ${s.events.map((e) => e.code).join(', ')}: show details`,
        title: `${s.events.map((e) => `${e.code} ${(e.source && e.source.code) || '?'} → ${(e.target && e.target.code) || '—'}`).join('; ')} (click for details)`,
        data: { eventIds: s.events.map((e) => e.event_id || '').join(' '), code: e0.code } });
      if (first) {
        el.dataset.testid = 'trigger';
        for (const e of s.events) if (e.event_id) triggerEls.set(e.event_id, el);
      }
      const pick = () => select(s.events, el);
      el.addEventListener('click', pick);
      el.addEventListener('keydown', (evt) => { if (evt.key === 'Enter' || evt.key === ' ') { evt.preventDefault(); pick(); } });
      return el;
    }
    if (s.kind === 'cue') {
      const x = s.rel;
      return h('span', { class: 'cue', title: `Asserted relation: ${x.source.code || x.source.text} ${x.kind} ${x.target.code || x.target.text}`, testid: first ? 'relation-cue' : null });
    }
    return h('span', { class: 'focus', testid: first ? 'sentence-focus' : null });
  };

  const cmp = (a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  const insert = (list, s) => {
    let i = 0;
    while (i < list.length && cmp(list[i], s) <= 0) i += 1;
    list.splice(i, 0, s);
  };
  // Slice [from, to) at every span boundary; spans nest, a span crossing its parent's end is split.
  const render = (parent, from, to, list) => {
    let pos = from;
    const todo = list
      .filter((s) => s.end > from && s.start < to)
      .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }))
      .sort(cmp);
    while (todo.length) {
      const s = todo.shift();
      if (s.start < pos) {
        if (s.end > pos) insert(todo, { ...s, start: pos, cont: true });
        continue;
      }
      if (s.start > pos) parent.append(document.createTextNode(text.slice(pos, s.start)));
      const el = makeEl(s, !s.cont);
      const inner = [];
      while (todo.length && todo[0].start < s.end) inner.push(todo.shift());
      for (const c of inner) if (c.end > s.end) insert(todo, { ...c, start: s.end, cont: true });
      render(el, s.start, s.end, inner);
      parent.append(el);
      pos = s.end;
    }
    if (pos < to) parent.append(document.createTextNode(text.slice(pos, to)));
  };

  const blocks = (doc.blocks || []).filter(ok).slice().sort((a, b) => a.start - b.start);
  const segments = [];
  let pos = 0;
  for (const b of blocks) {
    if (b.start < pos) continue;
    if (b.start > pos && text.slice(pos, b.start).trim()) segments.push({ start: pos, end: b.start, voice: null });
    segments.push(b);
    pos = b.end;
  }
  if (pos < L && text.slice(pos).trim()) segments.push({ start: pos, end: L, voice: null });
  for (const seg of segments) {
    const voice = seg.voice || 'none';
    const depth = Math.min(6, seg.depth || 0);
    const el = h('div', { class: `block block-${voice} depth-${depth}`, testid: seg.voice ? `block-${seg.voice}` : null, data: { voice } });
    if (seg.voice && seg.voice !== 'author') {
      el.append(h('div', { class: 'block-label', 'aria-hidden': 'false' }, seg.voice === 'comment' ? 'Comment' : 'Quoted', seg.speaker ? ` · ${seg.speaker}` : ''));
    }
    const body = h('div', { class: 'block-text' });
    render(body, seg.start, seg.end, spans);
    el.append(body);
    textBox.append(el);
  }
  if (!segments.length) textBox.append(empty('This document has no text.'));

  // Side panel: the selected event, then all events and relations of the document.
  let selected = null;
  function select(events, el) {
    if (selected) selected.classList.remove('selected');
    selected = el;
    if (el) el.classList.add('selected');
    put(panelSlot, eventPanel(events, () => { select(null, null); }));
    if (opts.onSelect && events && events[0] && events[0].event_id) opts.onSelect(events[0].event_id);
  }
  function eventPanel(events, onClose) {
    if (!events) return h('p', { class: 'hint' }, 'Click a highlighted trigger word to see the event it codes.');
    return h('section', { class: 'event-panel', testid: 'event-panel', 'aria-label': 'Selected event' },
      h('div', { class: 'panel-head' }, h('h2', {}, events.length > 1 ? `${events.length} events at “${events[0].trigger.text}”` : 'Event'),
        h('button', { type: 'button', class: 'btn small', 'aria-label': 'Close the event panel', onclick: onClose }, '×')),
      events.map((e) => eventDetails(e, doc)));
  }
  panelSlot.append(eventPanel(null));

  const evList = (doc.events || []).slice().sort((a, b) => (a.trigger.start - b.trigger.start));
  append(side, [h('section', { class: 'doc-events' },
    h('h2', {}, `Events (${evList.length})`),
    evList.length ? h('ol', { class: 'mini-list' }, evList.map((e) => h('li', {},
      h('button', { type: 'button', class: 'mini-event', onclick: () => {
        const el = triggerEls.get(e.event_id) || [...textBox.querySelectorAll('.trigger')].find((m) => m.dataset.eventIds.split(' ').includes(e.event_id));
        select(byTrigger.get(`${e.trigger.start}:${e.trigger.end}`) || [e], el || null);
        if (el) { el.scrollIntoView({ block: 'center', behavior: 'smooth' }); el.focus({ preventScroll: true }); }
      } }, quadDot(e.quad_class), h('span', { class: 'code' }, e.code), ' ',
      h('span', {}, `${(e.source && e.source.code) || '?'} → ${(e.target && e.target.code) || '—'}`), ' ',
      h('span', { class: 'muted' }, `“${e.trigger.text}”`))))) : h('p', { class: 'muted' }, 'No events were coded in this document.')),
  (doc.relations || []).length ? h('section', { class: 'doc-relations' }, h('h2', {}, `Asserted relations (${doc.relations.length})`),
    h('ul', { class: 'mini-list' }, doc.relations.map((x) => h('li', {},
      h('span', { class: 'code' }, x.source.code || x.source.text), ` ${x.kind} `, h('span', { class: 'code' }, x.target.code || x.target.text),
      h('span', { class: 'muted' }, ` “${x.cue.text}”`))))) : null]);

  const toggles = () => {
    textBox.classList.toggle('hide-mentions', !showMentions.checked);
    textBox.classList.toggle('hide-triggers', !showTriggers.checked);
  };
  showMentions.addEventListener('change', toggles);
  showTriggers.addEventListener('change', toggles);

  const meta = [doc.name, doc.published ? `published ${doc.published}` : 'no publication date', doc.source, doc.genre, doc.url].filter(Boolean);
  const view = h('article', { class: 'docview', testid: 'document-view', data: { docId: doc.doc_id || '' } },
    h('header', { class: 'doc-head' },
      h('h1', {}, doc.title || doc.name || 'Untitled document'),
      h('p', { class: 'sub' }, meta.join(' · ')),
      h('p', { class: 'sub' }, `${plural((doc.events || []).length, 'event')} · ${plural((doc.mentions || []).filter((m) => m.code).length, 'coded mention')} · ${plural(blocks.length, 'voice block')}`)),
    h('div', { class: 'doc-legend' },
      h('ul', { class: 'legend-inline' },
        legendSwatch('blk-author', 'Author'), legendSwatch('blk-quoted', 'Quoted'), legendSwatch('blk-comment', 'Comment (indented by reply depth)'),
        h('li', {}, h('span', { class: 'mention sample' }, 'mention'), ' actor (code on hover)'),
        h('li', {}, h('mark', { class: 'trigger q4 sample' }, 'trigger'), ' event (click)'),
        h('li', {}, h('span', { class: 'cue sample' }, 'cue'), ' asserted relation')),
      h('label', { class: 'check' }, showMentions, 'Mentions'), h('label', { class: 'check' }, showTriggers, 'Triggers')),
    h('div', { class: 'doc-body' }, textBox, side));

  if (opts.event) {
    const el = triggerEls.get(opts.event);
    const e = (doc.events || []).find((x) => x.event_id === opts.event);
    if (e) select(byTrigger.get(`${e.trigger.start}:${e.trigger.end}`) || [e], el || null);
  }
  return view;
}

function eventDetails(e, doc) {
  const loc = e.location;
  const row = (k, ...v) => h('div', { class: 'kv' }, h('dt', {}, k), h('dd', {}, ...v));
  const actor = (a) => {
    if (!a || (!a.code && !a.text)) return h('span', { class: 'muted' }, '—');
    return [a.text ? `“${a.text}” ` : '', a.code ? link(hashFor('actor', [a.code]), a.code, 'code') : h('span', { class: 'muted' }, 'uncoded')];
  };
  const dateText = e.date
    ? [e.date, e.date_precision ? ` (${e.date_precision})` : '', e.date_text ? h('span', { class: 'muted' }, ` “${e.date_text}”`) : '']
    : [h('span', { class: 'muted' }, doc && doc.published ? `not in the text (published ${doc.published})` : 'undated')];
  const locText = loc
    ? [loc.name || loc.country || '?', loc.precision ? ` (${loc.precision})` : '',
      loc.lat !== null && loc.lat !== undefined ? h('span', { class: 'muted' }, ` ${fmtNum(loc.lat, 2)}, ${fmtNum(loc.lon, 2)}`) : '',
      loc.inferred ? h('span', { class: 'tag' }, 'inferred') : h('span', { class: 'tag' }, 'stated')]
    : [h('span', { class: 'muted' }, '—')];
  const both = e.source && e.source.code && e.target && e.target.code;
  return h('div', { class: 'event-details', data: { eventId: e.event_id || '' } },
    h('p', { class: 'event-title' }, quadDot(e.quad_class), h('span', { class: 'code big' }, e.code),
      e.plover && e.plover.type ? h('span', { class: 'plover' }, `${e.plover.type.toLowerCase()}${e.plover.mode ? ' / ' + e.plover.mode : ''}`) : null),
    h('blockquote', { class: 'event-sentence' }, sentenceWithTrigger(e)),
    h('dl', { class: 'kvs' },
      row('Code', `${e.code} (root ${e.root})`),
      row('QuadClass', `${e.quad_class} · ${QUAD[e.quad_class] || '?'}`),
      row('Goldstein', fmtNum(e.goldstein)),
      row('Source', actor(e.source)),
      row('Target', actor(e.target)),
      row('Date', dateText),
      row('Location', locText),
      row('Voice', e.voice || '—'),
      row('Attributed to', e.attributed_to ? actor(e.attributed_to) : h('span', { class: 'muted' }, '—')),
      row('Modality', e.modality || '—', e.claim ? h('span', { class: 'tag' }, 'claim') : null),
      row('Confidence', fmtNum(e.confidence, 2)),
      row('Rule', h('code', { class: 'rule' }, e.rule || '—')),
      e.event_id ? row('Event id', h('code', {}, e.event_id)) : null),
    both ? h('p', { class: 'links' }, link(hashFor('dyad', [fold(e.source.code), fold(e.target.code)]), 'Dyad timeline →', 'btn small')) : null);
}

// ---------------------------------------------------------------------------------------------
// 7. Code a document
// ---------------------------------------------------------------------------------------------

const codeState = { result: null, form: null };

async function renderCode(root, r, ctx) {
  const f = codeState.form || { title: '', date: '', html: false, text: '' };
  const title = h('input', { type: 'text', name: 'title', value: f.title, maxlength: 500, placeholder: 'Optional', testid: 'code-title' });
  const date = h('input', { type: 'date', name: 'date', value: f.date, testid: 'code-date' });
  const html = h('input', { type: 'checkbox', name: 'html', checked: f.html, testid: 'code-html' });
  const file = h('input', { type: 'file', accept: '.txt,.text,.md,.html,.htm,text/plain,text/html', testid: 'code-file' });
  const text = h('textarea', { name: 'text', rows: 12, testid: 'code-text', spellcheck: 'false', placeholder: 'Paste a news article, an opinion piece or a blog post with its comments…', 'aria-label': 'Document text' });
  text.value = f.text;
  const counter = h('span', { class: 'counter', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn primary', testid: 'code-submit' }, 'Code it');
  const result = h('div', { class: 'code-result', 'aria-live': 'polite' });
  const save = () => { codeState.form = { title: title.value, date: date.value, html: html.checked, text: text.value }; };
  const count = () => {
    const n = text.value.length;
    counter.textContent = `${n.toLocaleString('en')} / ${MAX_CODE_CHARS.toLocaleString('en')} characters`;
    counter.classList.toggle('over', n > MAX_CODE_CHARS);
    save();
  };
  text.addEventListener('input', count);
  for (const el of [title, date, html]) el.addEventListener('change', save);
  count();
  file.addEventListener('change', () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    const reader = new FileReader();
    reader.onload = () => {
      text.value = String(reader.result || '');
      html.checked = /\.html?$/i.test(chosen.name);
      if (!title.value) title.value = chosen.name;
      count();
    };
    reader.onerror = () => put(result, errorBox(new Error(`Could not read ${chosen.name}.`)));
    reader.readAsText(chosen);
  });
  const form = h('form', { class: 'card code-form', testid: 'code-form' },
    h('div', { class: 'code-fields' }, field('Title', title), field('Date', date, 'Resolves “on Friday” and the like'),
      field('Or load a file', file, '.txt or .html (read in the browser)'), h('label', { class: 'check' }, html, 'The text is HTML')),
    text,
    h('div', { class: 'code-actions' }, counter, h('span', { class: 'spacer' }), submit));
  form.addEventListener('submit', async (evt) => {
    evt.preventDefault();
    if (!text.value.trim()) {
      put(result, errorBox(new ApiError(422, 'There is no text to code: paste some or load a file.')));
      return;
    }
    submit.disabled = true;
    put(result, loading('Coding… (the first request loads the language model and may take several seconds)'));
    const body = { text: text.value, title: title.value.trim() || null, date: date.value || null, html: html.checked };
    try {
      const doc = await api('/api/code', null, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      codeState.result = doc;
      if (ctx.alive()) showResult(doc);
    } catch (err) {
      if (!ctx.alive()) return;
      if (err.status === 413) err.message = `The document is larger than the server accepts for pasting (${err.message}). Code long documents with \`actorgraph code\` or ingest them.`;
      if (err.status === 422) err.message = `The server could not code this text: ${err.message}`;
      put(result, errorBox(err));
    } finally {
      submit.disabled = false;
    }
  });
  const showResult = (doc) => {
    put(result, h('p', { class: 'notice', testid: 'code-notice' },
      h('strong', {}, 'Not stored. '), 'This coding exists only in this page: it is not in the store, and it is gone when you reload.'),
    documentView(doc));
  };
  root.append(h('section', { class: 'view' },
    pageHead('Code a document', 'The server codes the text with the same pipeline as ingest and shows it here. Nothing is stored.'), form, result));
  if (codeState.result) showResult(codeState.result);
}

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

const VIEWS = {
  network: renderNetwork,
  actors: renderActors,
  actor: renderActor,
  dyad: renderDyad,
  map: renderMap,
  events: renderEvents,
  documents: renderDocuments,
  doc: renderDocPage,
  code: renderCode,
};

async function storeInfo() {
  const box = document.getElementById('store-info');
  try {
    const health = await api('/api/health');
    put(box, h('span', { class: 'muted' }, 'Store'), h('span', { class: 'store-name', title: health.db }, String(health.db).split('/').pop()));
  } catch (err) {
    put(box, h('span', { class: 'muted' }, err.message));
  }
}

function start() {
  if (!d3 || !topojson) {
    document.getElementById('view').replaceChildren(errorBox(new Error('The UI libraries are missing from /static/vendor/: run `make web` and reload.')));
    return;
  }
  window.addEventListener('hashchange', route);
  if (!window.location.hash || window.location.hash === '#' || window.location.hash === '#/') {
    window.history.replaceState(null, '', '#/network');
  }
  storeInfo();
  route();
}

start();
