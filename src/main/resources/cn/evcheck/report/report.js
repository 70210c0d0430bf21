(function () {
  "use strict";
  var form = document.getElementById("filters");
  var lead = document.getElementById("f-lead"), resp = document.getElementById("f-resp");
  var open = document.getElementById("f-open");
  var sevs = Array.prototype.slice.call(form.querySelectorAll("input[name=sev]"));
  var arts = Array.prototype.slice.call(document.querySelectorAll("article.item"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  function has(list, v) { return !v || (list || "").indexOf("|" + v + "|") >= 0; }
  function pick(sel, v) {
    for (var i = 0; i < sel.options.length; i++) if (sel.options[i].value === v) { sel.selectedIndex = i; return; }
  }
  function fromHash() {
    var h = location.hash.replace(/^#/, "");
    if (!h) return;
    h.split("&").forEach(function (kv) {
      var p = kv.split("="), k = p[0], v = decodeURIComponent((p[1] || "").replace(/\+/g, " "));
      if (k === "lead") pick(lead, v);
      else if (k === "resp") pick(resp, v);
      else if (k === "open") open.checked = v === "1";
      else if (k === "sev") { var on = v.split(","); sevs.forEach(function (c) { c.checked = on.indexOf(c.value) >= 0; }); }
    });
  }
  function apply() {
    var on = {}, items = 0, count = 0;
    sevs.forEach(function (c) { on[c.value] = c.checked; });
    function rows(scope, visible) {
      var n = 0;
      Array.prototype.forEach.call(scope.querySelectorAll("tr[data-sev]"), function (tr) {
        var show = !!on[tr.getAttribute("data-sev")];
        tr.hidden = !show;
        if (show && visible) n += parseInt(tr.getAttribute("data-n"), 10) || 0;
      });
      return n;
    }
    var seen = {};
    arts.forEach(function (a) {
      var ok = has(a.getAttribute("data-lead"), lead.value) && has(a.getAttribute("data-resp"), resp.value);
      var n = rows(a, ok);
      if (ok && open.checked && n === 0) ok = false;
      a.hidden = !ok;
      // An item listed under several offices counts once.
      var key = a.getAttribute("data-unit") + "|" + a.getAttribute("data-item");
      if (ok && !seen[key]) { seen[key] = true; items++; count += n; }
    });
    groups.forEach(function (g) {
      if (g.hasAttribute("data-loose")) {
        var free = !lead.value && !resp.value;
        count += rows(g, free);
        g.hidden = !free;
      } else {
        g.hidden = !g.querySelector("article.item:not([hidden])");
      }
    });
    document.getElementById("shown-items").textContent = items;
    document.getElementById("shown-findings").textContent = count;
    var parts = [];
    if (lead.value) parts.push("lead=" + encodeURIComponent(lead.value));
    if (resp.value) parts.push("resp=" + encodeURIComponent(resp.value));
    if (open.checked) parts.push("open=1");
    var off = sevs.filter(function (c) { return !c.checked; });
    if (off.length) parts.push("sev=" + sevs.filter(function (c) { return c.checked; }).map(function (c) { return c.value; }).join(","));
    var h = parts.length ? "#" + parts.join("&") : "";
    if (h !== location.hash && history.replaceState) {
      try { history.replaceState(null, "", h || location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
    }
    document.body.setAttribute("data-ready", "1");
  }
  fromHash();
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  apply();
})();
// Tables of units sort by a column when its heading is clicked: numbers by value (most first), names
// in Chinese collation; a second click reverses.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (t) {
    Array.prototype.forEach.call(t.querySelectorAll("thead th button"), function (b, col) {
      b.addEventListener("click", function () {
        var body = t.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.length > 0 && rows[0].cells[col].hasAttribute("data-sort");
        var desc = numeric ? b.getAttribute("data-desc") !== "1" : b.getAttribute("data-desc") === "0";
        rows.sort(function (x, y) {
          var a = x.cells[col], c = y.cells[col];
          var r = numeric ? Number(a.getAttribute("data-sort")) - Number(c.getAttribute("data-sort"))
              : a.textContent.localeCompare(c.textContent, "zh");
          return desc ? -r : r;
        });
        b.setAttribute("data-desc", desc ? "1" : "0");
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
