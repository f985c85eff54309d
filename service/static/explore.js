// Explorer: search box → results; graph view (Cytoscape.js, vendored) whose nodes expand on click.
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('explore-config').textContent);
  var S = cfg.strings;
  var colors = {agency: '#4a90d9', document: '#d9a400', mechanism: '#3c9d4e', figure: '#d64b6a',
                place: '#8a63d2', report: '#555', span: '#bbb', concept: '#2aa198', entity: '#999'};
  var cy = cytoscape({
    container: document.getElementById('cy'),
    wheelSensitivity: 0.3,
    style: [
      {selector: 'node', style: {'label': 'data(label)', 'font-size': 11, 'text-wrap': 'ellipsis', 'text-max-width': 120,
        'background-color': function (n) { return colors[n.data('kind')] || '#999'; }, 'width': 22, 'height': 22,
        'text-valign': 'bottom', 'text-margin-y': 3, 'font-family': 'Noto Sans CJK SC, sans-serif'}},
      {selector: 'node.expanded', style: {'border-width': 3, 'border-color': '#222'}},
      {selector: 'node:selected', style: {'border-width': 4, 'border-color': '#a4161a'}},
      {selector: 'edge', style: {'width': 1.2, 'line-color': '#bbb', 'target-arrow-color': '#bbb',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 8,
        'color': '#888', 'text-rotation': 'autorotate'}}
    ]
  });
  window.fazhiCy = cy;  // for the browser tests and the console
  var status = document.getElementById('status');
  var expanding = {};

  function api(url) {
    return fetch(url, {headers: {'Accept': 'application/json'}}).then(function (r) {
      if (!r.ok) { throw new Error(r.status + ' ' + r.statusText); }
      return r.json();
    });
  }
  function layout() {
    cy.layout({name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false}).run();
  }
  function addElements(els) {
    var added = 0;
    els.nodes.forEach(function (n) {
      var existing = cy.getElementById(n.data.id);
      if (existing.empty()) { cy.add({group: 'nodes', data: n.data}); added++; } else { existing.data(n.data); }
    });
    els.edges.forEach(function (e) {
      if (cy.getElementById(e.data.id).empty() && !cy.getElementById(e.data.source).empty()
          && !cy.getElementById(e.data.target).empty()) { cy.add({group: 'edges', data: e.data}); }
    });
    return added;
  }
  function expand(iri) {
    if (expanding[iri]) { return Promise.resolve(); }
    expanding[iri] = true;
    status.textContent = '…';
    var hops = document.getElementById('hops').value;
    var url = '/neighborhood?format=cytoscape&limit=60&lang=' + cfg.lang + '&hops=' + hops + '&iri=' + encodeURIComponent(iri);
    return api(url).then(function (data) {
      var added = addElements(data.elements);
      cy.getElementById(iri).addClass('expanded');
      status.textContent = '+' + added + (data.data.truncated ? ' · ' + S.truncated : '');
      document.body.dataset.expanded = (parseInt(document.body.dataset.expanded || '0', 10) + 1).toString();
      layout();
    }).catch(function (err) { status.textContent = String(err); })
      .finally(function () { expanding[iri] = false; });
  }
  function select(node) {
    var d = node.data();
    var box = document.getElementById('selection');
    box.innerHTML = '';
    var h = document.createElement('h3'); h.textContent = d.label; box.appendChild(h);
    var p = document.createElement('p'); p.className = 'muted'; p.textContent = (d.type_labels || []).join(' · '); box.appendChild(p);
    var a = document.createElement('a'); a.href = d.href + (d.href.indexOf('?') < 0 ? '?' : '&') + 'lang=' + cfg.lang;
    a.textContent = S.open_page + ' →'; a.id = 'open-page'; box.appendChild(a);
  }
  function start(iri, label) {
    cy.elements().remove();
    cy.add({group: 'nodes', data: {id: iri, label: label || iri, kind: 'entity', href: '/describe?iri=' + encodeURIComponent(iri)}});
    return expand(iri).then(function () {
      var n = cy.getElementById(iri); if (!n.empty()) { n.select(); select(n); }
    });
  }
  cy.on('tap', 'node', function (ev) { select(ev.target); expand(ev.target.id()); });
  cy.on('dbltap', 'node', function (ev) { window.location.href = ev.target.data('href'); });

  var results = document.getElementById('results');
  function search(q) {
    results.innerHTML = '';
    if (!q) { return Promise.resolve(); }
    return api('/search?limit=30&lang=' + cfg.lang + '&q=' + encodeURIComponent(q)).then(function (data) {
      if (!data.results.length) {
        var li = document.createElement('li'); li.className = 'muted'; li.textContent = S.no_results; results.appendChild(li);
      }
      data.results.forEach(function (r) {
        var li = document.createElement('li');
        li.dataset.iri = r.iri; li.className = 'result kind-' + r.kind;
        var b = document.createElement('span'); b.className = 'rlabel'; b.textContent = r.label; li.appendChild(b);
        var t = document.createElement('div'); t.className = 'rtype';
        t.textContent = r.kind + ' · ' + r.type_curies.join(', ') + ' · ' + S.mentions + ' ' + r.mentions; li.appendChild(t);
        li.addEventListener('click', function () {
          Array.prototype.forEach.call(results.children, function (x) { x.classList.remove('active'); });
          li.classList.add('active');
          start(r.iri, r.label);
        });
        results.appendChild(li);
      });
    });
  }
  document.getElementById('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = document.getElementById('q').value.trim();
    history.replaceState(null, '', '/explore?q=' + encodeURIComponent(q));
    search(q);
  });
  document.getElementById('reset').addEventListener('click', function () { cy.elements().remove(); status.textContent = ''; });
  if (cfg.query) { search(cfg.query); }
  if (cfg.start) { start(cfg.start); }
})();
