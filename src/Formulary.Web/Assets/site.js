// The served site's one script; every page works without it.
// 1. Search as you type: any <input data-suggest> gets a list of names from /api/suggest (ARIA 1.2
//    combobox: arrow keys move, Enter opens, Escape closes); the form still submits to /search.
// 2. Sections: a link to #id (contents, dose citations, a search result) opens the closed <details>
//    holding it, and printing opens every section (print.css cannot open a closed <details>).
"use strict";
(function () {
  function openFor(hash) {
    var id = decodeURIComponent((hash || "").replace(/^#/, ""));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    return target;
  }
  openFor(window.location.hash);
  window.addEventListener("hashchange", function () { var t = openFor(window.location.hash); if (t) { t.scrollIntoView(); } });
  var reopen = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) { d.open = true; reopen.push(d); });
  });
  window.addEventListener("afterprint", function () { reopen.forEach(function (d) { d.open = false; }); reopen = []; });
})();
(function () {
  var inputs = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(inputs, function (input, n) {
    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.parentNode.classList.add("has-suggestions");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var items = [], active = -1, timer = 0, latest = 0;

    function close() {
      list.hidden = true; list.textContent = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function select(index) {
      if (active >= 0 && items[active]) { items[active].element.setAttribute("aria-selected", "false"); }
      active = index;
      if (active >= 0) {
        items[active].element.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].element.id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function show(suggestions) {
      // An answer that arrives after the reader chose with the arrows keeps that choice when it is still listed.
      var chosen = active >= 0 && items[active] ? items[active].url : null;
      close();
      suggestions.forEach(function (s, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "suggestion-name";
        name.textContent = s.name;
        li.appendChild(name);
        if (s.title.toLowerCase() !== s.name.toLowerCase()) {
          var title = document.createElement("span");
          title.className = "suggestion-target";
          title.textContent = "\u2192 " + s.title;
          li.appendChild(title);
        }
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = s.url; });
        list.appendChild(li);
        items.push({ element: li, url: s.url });
      });
      if (items.length > 0) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      items.forEach(function (item, i) { if (item.url === chosen && active < 0) { select(i); } });
    }
    function fetchSuggestions() {
      var text = input.value.trim();
      var ticket = ++latest;
      if (text.length < 2) { close(); return; }
      fetch("/api/suggest?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (ticket === latest && document.activeElement === input) { show(body.suggestions); } })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 60); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && items.length > 0) { e.preventDefault(); select((active + 1) % items.length); }
      else if (e.key === "ArrowUp" && items.length > 0) { e.preventDefault(); select(active <= 0 ? items.length - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = items[active].url; }
      else if (e.key === "Escape" && !list.hidden) { e.preventDefault(); cancel(); close(); }
      else if (e.key === "Enter" || e.key === "Escape") { cancel(); }
    });
    // A suggestion answer still on its way must not reopen a list the reader closed or searched past.
    function cancel() { clearTimeout(timer); latest++; }
    input.addEventListener("blur", function () { setTimeout(close, 0); });
  });
})();
