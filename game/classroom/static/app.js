// The students' page: join with the code, then play one council's proposals each round.
"use strict";
(function () {
  var ws = null, token = sessionStorage.getItem("parecon_token"), state = null;
  var shownRound = -1, previewTimer = null, retry = 0;

  function label() {
    setText("title", t("title")); setText("join_intro", t("join_intro"));
    setText("code_label", t("code")); setText("name_label", t("name")); setText("join_button", t("join"));
    setText("h_good", t("good")); setText("h_price", t("price")); setText("h_last", t("last"));
    setText("h_suggested", t("suggested")); setText("h_allowed", t("allowed")); setText("h_yours", t("yours"));
    setText("suggest", t("use_suggested")); setText("send", t("propose")); setText("vote_title", t("vote"));
  }

  function connect(first) {
    ws = new WebSocket(socketUrl());
    ws.onopen = function () {
      retry = 0; showError("");
      if (token) { ws.send(JSON.stringify({ type: "join", token: token })); }
      else if (first) { ws.send(JSON.stringify(first)); }
    };
    ws.onmessage = function (ev) { receive(JSON.parse(ev.data)); };
    ws.onclose = function () {
      if (!token) { return; }
      showError(t("disconnected"));
      retry = Math.min(retry + 1, 10);
      setTimeout(function () { connect(null); }, 500 * retry);
    };
  }

  function receive(m) {
    if (m.type === "joined") {
      token = m.token; sessionStorage.setItem("parecon_token", token);
      if (m.texts) { T = m.texts; label(); }
      document.getElementById("join").hidden = true; document.getElementById("play").hidden = false;
    }
    if (m.type === "joined" || m.type === "state") { state = m; render(); }
    else if (m.type === "error") {
      showError(m.message);
      if (m.code === "not_joined" && token) { token = null; sessionStorage.removeItem("parecon_token"); location.reload(); }
      if (m.code === "out_of_bounds" && m.params) { markInvalid(m.params.index); }
    } else if (m.type === "accepted") { showError(""); setText("status", t("sent")); }
    else if (m.type === "preview") { renderPreview(m.preview); }
    else if (m.type === "voted") { setText("vote_status", t("vote_cast")); }
  }

  function roleOf(k, you) {
    if (you.kind === "consumer") { return t("demand"); }
    return k === 0 ? t("output") : t("input");
  }

  function render() {
    var you = state.you;
    setText("council", you.name + " \u00b7 " + you.group);
    var form = document.getElementById("proposal");
    var status = "";
    if (you.status === "waiting") { status = t("waiting"); }
    else if (you.status === "converged") { status = t("converged", { t: fmt(100 * you.threshold, 0) }); }
    else if (you.status === "stopped") { status = t("stopped"); }
    else if (you.status === "limit") { status = t("limit"); }
    else {
      status = t("round", { n: you.round });
      if (you.max_excess !== null) { status += " \u00b7 " + t("largest_excess", { v: fmt(100 * you.max_excess, 1) }); }
      if (you.proposed) { status += " \u00b7 " + t("sent"); }
      else if (you.taken_over) { status += " \u00b7 " + t("taken_over"); }
    }
    setText("status", status);
    setText("clock", you.seconds_left === null || you.status !== "round" ? "" : t("seconds_left", { s: Math.ceil(you.seconds_left) }));
    form.hidden = you.status !== "round";
    if (you.status === "round" && you.round !== shownRound) { shownRound = you.round; buildRows(you); requestPreview(); }
    renderVote(state.vote);
    var out = document.getElementById("outcome");
    out.hidden = !state.outcome; out.textContent = "";
    if (state.outcome) { out.appendChild(outcomeTable(state.outcome)); }
  }

  function buildRows(you) {
    var body = document.getElementById("rows"); body.textContent = "";
    var start = you.mine || you.suggested;
    you.goods.forEach(function (g, k) {
      var tr = el("tr");
      tr.appendChild(el("td", null, roleOf(k, you) + ": " + you.goods_names[k]));
      tr.appendChild(el("td", { "class": "num" }, fmt(you.prices[k])));
      tr.appendChild(el("td", { "class": "num" }, you.last ? fmt(you.last[k]) : "\u2014"));
      tr.appendChild(el("td", { "class": "num" }, fmt(you.suggested[k])));
      tr.appendChild(el("td", { "class": "num" }, fmt(you.lo[k]) + " \u2013 " + fmt(you.hi[k])));
      var td = el("td");
      var inp = el("input", { type: "number", step: "any", min: String(you.lo[k]), max: String(you.hi[k]),
        id: "q" + k, "aria-label": you.goods_names[k], inputmode: "decimal" });
      inp.value = String(roundWithin(start[k], you.lo[k], you.hi[k]));
      inp.addEventListener("input", function () { inp.removeAttribute("aria-invalid"); requestPreview(); });
      td.appendChild(inp); tr.appendChild(td); body.appendChild(tr);
    });
    setText("rule", you.free ? t("free") : t("paced"));
  }

  // two decimals, rounded toward the inside of the allowed range so the server accepts it
  function roundWithin(x, lo, hi) {
    var r = Math.round(x * 100) / 100;
    if (r > hi) { r = Math.floor(hi * 100) / 100; }
    if (r < lo) { r = Math.ceil(lo * 100) / 100; }
    return r >= lo && r <= hi ? r : x;
  }

  function quantities() {
    var out = [];
    state.you.goods.forEach(function (g, k) { out.push(parseFloat(document.getElementById("q" + k).value)); });
    return out;
  }

  function markInvalid(k) { var i = document.getElementById("q" + k); if (i) { i.setAttribute("aria-invalid", "true"); i.focus(); } }

  function requestPreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () {
      var q = quantities();
      if (q.every(function (x) { return isFinite(x); }) && ws && ws.readyState === 1) {
        ws.send(JSON.stringify({ type: "preview", quantities: q }));
      }
    }, 300);
  }

  function renderPreview(p) {
    var box = document.getElementById("preview"); box.textContent = ""; showError("");
    var you = state.you;
    if (you.kind === "consumer") {
      box.appendChild(el("p", null, t("cost", { cost: fmt(p.cost, 0), budget: fmt(p.budget, 0) })));
      if (p.cost > p.budget * 1.0001) { box.appendChild(el("p", { "class": "bad" }, t("over_budget"))); }
    } else {
      box.appendChild(el("p", null, t("revenue", { revenue: fmt(p.revenue, 0), inputs: fmt(p.input_cost, 0) })));
      box.appendChild(el("p", null, t("effort", { effort: fmt(p.effort, 1), auto: fmt(p.effort_suggested, 1) })));
      if (p.sbsc !== null) { box.appendChild(el("p", null, t("sbsc", { ratio: fmt(p.sbsc, 2) }))); }
    }
    (p.effect || []).forEach(function (e) {
      box.appendChild(el("p", { "class": "small" }, t("effect", { good: T.goods[e.good_id] || e.good_id, before: pct(e.before), after: pct(e.after) })));
    });
  }

  function renderVote(v) {
    var box = document.getElementById("vote");
    box.hidden = !v || v.mode !== "groups";
    if (box.hidden) { return; }
    setText("vote_question", v.question);
    var opts = document.getElementById("vote_options"); opts.textContent = "";
    v.options.forEach(function (o) {
      var b = el("button", { type: "button", "aria-pressed": String(v.mine === o.id) }, (v.mine === o.id ? "\u2713 " : "") + o.label);
      b.disabled = v.closed;
      b.addEventListener("click", function () { ws.send(JSON.stringify({ type: "vote", vote: v.id, option: o.id })); });
      opts.appendChild(b);
    });
    setText("vote_status", v.closed ? t("vote_result", { option: v.winner_label }) : (v.mine ? t("vote_cast") : ""));
  }

  document.getElementById("join_form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var msg = { type: "join", code: document.getElementById("code").value, name: document.getElementById("name").value };
    if (ws && ws.readyState === 1) { ws.send(JSON.stringify(msg)); } else { connect(msg); }
  });
  document.getElementById("suggest").addEventListener("click", function () {
    state.you.suggested.forEach(function (x, k) { document.getElementById("q" + k).value = String(x); });
    requestPreview();
  });
  document.getElementById("proposal").addEventListener("submit", function (ev) {
    ev.preventDefault();
    ws.send(JSON.stringify({ type: "propose", quantities: quantities() }));
  });
  loadTexts(function () { label(); if (token) { connect(null); } });
})();
