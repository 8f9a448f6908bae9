// Shared by the students' page and the projector's board: texts, numbers, the socket.
"use strict";
var T = { page: {}, errors: {}, goods: {} };
function t(key, params) {
  var s = (T.page && T.page[key]) || key;
  if (params) { Object.keys(params).forEach(function (k) { s = s.split("{" + k + "}").join(params[k]); }); }
  return s;
}
function fmt(x, digits) {
  if (x === null || x === undefined || !isFinite(x)) { return "\u2014"; }
  var d = digits === undefined ? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2) : digits;
  return Number(x).toLocaleString(document.documentElement.lang || "en", { minimumFractionDigits: d, maximumFractionDigits: d });
}
// a share as a percentage in the page's language: "15.4%", and "15,4 %" with a no-break space
// in Spanish (CLDR's pattern, the RAE's rule: see game/i18n.py PERCENT_SIGN)
function share(x, digits) {
  if (x === null || x === undefined || !isFinite(x)) { return "\u2014"; }
  return Number(x).toLocaleString(document.documentElement.lang || "en",
    { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function pct(x) { return (x >= 0 ? "+" : "") + share(x, 1); }
function el(tag, attrs, text) {
  var e = document.createElement(tag);
  if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
  if (text !== undefined) { e.textContent = text; }
  return e;
}
function setText(id, text) { var e = document.getElementById(id); if (e) { e.textContent = text; } }
function showError(msg) { setText("error", msg || ""); }
function socketUrl() { return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws"; }
function loadTexts(done) {
  fetch("/texts.json").then(function (r) { return r.json(); }).then(function (j) { T = j; done(); })
    .catch(function () { done(); });
}
function outcomeTable(o) {
  var box = el("div");
  box.appendChild(el("h2", null, t("class_plan") + " / " + t("automatic_plan")));
  var tb = el("table"); var head = el("tr");
  [t("good"), t("class_plan"), t("automatic_plan")].forEach(function (h) { head.appendChild(el("th", null, h)); });
  tb.appendChild(head);
  var r = el("tr"); r.appendChild(el("td", null, t("rounds")));
  r.appendChild(el("td", { "class": "num" }, String(o["class"].rounds))); r.appendChild(el("td", { "class": "num" }, String(o.automatic.rounds)));
  tb.appendChild(r);
  o.goods.forEach(function (g) {
    var row = el("tr"); row.appendChild(el("td", null, (T.goods[g] || g) + " \u00b7 " + t("price")));
    row.appendChild(el("td", { "class": "num" }, fmt(o["class"].prices[g])));
    row.appendChild(el("td", { "class": "num" }, fmt(o.automatic.prices[g])));
    tb.appendChild(row);
  });
  box.appendChild(tb);
  box.appendChild(el("h2", null, t("moved_most")));
  var ol = el("ol");
  o.groups.forEach(function (g) { ol.appendChild(el("li", null, g.group + ": " + share(g.share, 0))); });
  box.appendChild(ol);
  return box;
}
