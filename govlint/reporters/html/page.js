(function () {
  "use strict";
  var doc = document, main = doc.getElementById("main"), form = doc.getElementById("filters");
  if (!main || !form) return;
  doc.documentElement.className += " js";

  // run-scope findings join their report's section, so that its agency and year apply
  Array.prototype.forEach.call(doc.querySelectorAll("section.run-scope"), function (extra) {
    var target = doc.getElementById(extra.getAttribute("data-for"));
    if (!target) return;
    var list = target.querySelector("ol.findings");
    if (!list) { list = doc.createElement("ol"); list.className = "findings"; target.appendChild(list); }
    Array.prototype.forEach.call(extra.querySelectorAll("li.finding"), function (li) { list.appendChild(li); });
    var clean = target.querySelector("p.clean");
    if (clean) clean.hidden = true;
    extra.parentNode.removeChild(extra);
  });

  var reports = Array.prototype.map.call(main.querySelectorAll("section.report"), function (el) {
    return {el: el, agency: el.getAttribute("data-agency"), year: el.getAttribute("data-year"),
            head: null, findings: Array.prototype.slice.call(el.querySelectorAll("li.finding"))};
  });
  var texts = null;  // lower-cased text of each finding, read on the first search

  function fold(s) { return s.toLowerCase().replace(/\s+/g, ""); }
  function value(name) { return form.elements[name].value; }

  function apply() {
    var sev = value("severity"), rule = value("rule"), agency = value("agency"), year = value("year");
    var q = fold(value("q")), byFinding = !!(sev || rule || q), shownReports = 0, shownFindings = 0, total = 0;
    if (q && !texts) {
      texts = reports.map(function (r) {
        r.head = fold(r.el.querySelector("h2").textContent + r.el.querySelector("dl.meta").textContent);
        return r.findings.map(function (li) { return fold(li.textContent); });
      });
    }
    reports.forEach(function (r, i) {
      var keep = (!agency || r.agency === agency) && (!year || r.year === year), any = false;
      var headHit = q && r.head.indexOf(q) >= 0;
      r.findings.forEach(function (li, j) {
        total += 1;
        var ok = keep && (!sev || li.getAttribute("data-severity") === sev)
          && (!rule || li.getAttribute("data-rule") === rule)
          && (!q || headHit || texts[i][j].indexOf(q) >= 0);
        li.hidden = !ok;
        if (ok) { any = true; shownFindings += 1; }
      });
      var show = keep && (any || (!byFinding) || (headHit && !sev && !rule));
      r.el.hidden = !show;
      if (show) shownReports += 1;
    });
    doc.getElementById("shown").textContent =
      "显示 " + shownReports + " / " + reports.length + " 份报告，" + shownFindings + " / " + total + " 个问题";
  }

  var timer = null;
  form.addEventListener("change", apply);
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });

  // a rule, agency or year in the overview sets that filter
  Array.prototype.forEach.call(doc.querySelectorAll("#overview .set"), function (el) {
    el.setAttribute("role", "button");
    el.tabIndex = 0;
    function pick() {
      form.elements[el.getAttribute("data-set")].value = el.getAttribute("data-value");
      apply();
      form.scrollIntoView();
    }
    el.addEventListener("click", pick);
    el.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
  });

  form.hidden = false;
  apply();
})();
