// Client-side search for the static export: loads /search-index.json once and ranks titles,
// brand and alternate names before body words. A result lands on the section that holds the most
// of the words its names do not (a word in its heading counts twice one in the start of its text), as the server's search does;
// a query answered by the names alone opens the page at its top. No framework, no network beyond this site.
"use strict";
(function () {
  var results = document.getElementById("static-results");
  if (!results) { return; }
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var input = document.getElementById("site-search");
  if (input) { input.value = query; }
  if (!query) { return; }
  var fold = function (s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var terms = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
  fetch("/search-index.json").then(function (r) { return r.json(); }).then(function (index) {
    var scored = [];
    var words = function (s) { return s.split(/[^a-z0-9]+/); };
    index.documents.forEach(function (doc) {
      var names = words(fold(doc.title + " " + doc.names.join(" ")));
      var sections = doc.sections.map(function (s) { return { id: s.id, heading: fold(s.title), text: fold(s.title + " " + s.text) }; });
      var score = 0, rest = [];
      terms.forEach(function (t) {
        if (names.some(function (w) { return w.indexOf(t) === 0; })) { score += 10; return; }
        rest.push(t);
        if (sections.some(function (s) { return s.text.indexOf(t) >= 0; })) { score += 1; } else { score -= 100; }
      });
      if (score <= 0) { return; }
      var landing = null, best = 0;
      sections.forEach(function (s) {
        var held = 0;
        rest.forEach(function (t) { held += s.heading.indexOf(t) >= 0 ? 2 : s.text.indexOf(t) >= 0 ? 1 : 0; });
        if (held > best) { best = held; landing = s; }
      });
      scored.push({ doc: doc, score: score, section: landing });
    });
    var order = { composition: 0, combination: 1, brand: 2 };
    scored.sort(function (a, b) {
      return b.score - a.score || order[a.doc.collection] - order[b.doc.collection] || a.doc.title.localeCompare(b.doc.title);
    });
    results.textContent = "";
    var status = document.getElementById("static-status");
    if (status) { status.textContent = scored.length + " result" + (scored.length === 1 ? "" : "s") + " for \u201c" + query + "\u201d"; }
    scored.slice(0, 50).forEach(function (hit) {
      var li = document.createElement("li");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = hit.section ? hit.doc.url + "#" + hit.section.id : hit.doc.url;
      a.textContent = hit.doc.title;
      var tag = document.createElement("span");
      tag.className = "tag"; tag.textContent = hit.doc.collection;
      h.appendChild(a); h.appendChild(tag);
      var p = document.createElement("p");
      p.textContent = hit.doc.description;
      li.appendChild(h); li.appendChild(p);
      results.appendChild(li);
    });
  });
})();
