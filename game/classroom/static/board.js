// The projector's facilitation board: join code, prices, excess per good, who has proposed,
// the countdown; with the teacher's key (in the address) also the teacher's buttons.
"use strict";
(function () {
  var params = new URLSearchParams(location.search);
  var key = params.get("key") || "";
  var ws = null, teacher = false, last = null;

  function send(msg) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(msg)); } }
  function act(action, extra) { var m = { type: "teacher", key: key, action: action }; Object.assign(m, extra || {}); send(m); }

  function label() {
    setText("title", t("board")); setText("h_good", t("good")); setText("h_price", t("price"));
    setText("h_excess", t("excess")); setText("h_groups", t("groups")); setText("start", t("start"));
    setText("close_round", t("close_round")); setText("stop", t("stop")); setText("close_vote", t("close_vote"));
    setText("vote_event_groups", t("vote_event") + " (" + t("by_groups") + ")");
    setText("vote_event_hands", t("vote_event") + " (" + t("by_hands") + ")");
    setText("vote_actions_groups", t("vote_actions") + " (" + t("by_groups") + ")");
    setText("vote_actions_hands", t("vote_actions") + " (" + t("by_hands") + ")");
    setText("play_turn", t("play_turn"));
  }

  function connect() {
    ws = new WebSocket(socketUrl());
    ws.onopen = function () { send(key ? { type: "board", key: key } : { type: "board", watch: true }); };
    ws.onmessage = function (ev) {
      var m = JSON.parse(ev.data);
      if (m.texts) { T = m.texts; label(); }
      if (m.teacher !== undefined) { teacher = m.teacher; }
      if (m.type === "board") { last = m; render(m); } else if (m.type === "error") { showError(m.message); }
    };
    ws.onclose = function () { showError(t("disconnected")); setTimeout(connect, 1000); };
  }

  function render(m) {
    var b = m.board; showError("");
    document.getElementById("join_line").textContent = t("address", { url: location.origin, code: m.code });
    var st = b.status === "waiting" ? t("waiting") : b.status === "converged" ? t("converged", { t: fmt(100 * b.threshold, 0) })
      : b.status === "stopped" ? t("stopped") : b.status === "limit" ? t("limit") : t("round", { n: b.round });
    if (b.max_excess.length) { st += " \u00b7 " + t("largest_excess", { v: fmt(100 * b.max_excess[b.max_excess.length - 1], 1) }); }
    setText("status", st);
    setText("clock", b.status === "round" && b.seconds_left !== null ? t("seconds_left", { s: Math.ceil(b.seconds_left) }) : "");
    var rows = document.getElementById("rows"); rows.textContent = "";
    b.goods.forEach(function (g, k) {
      var tr = el("tr"); tr.appendChild(el("td", null, b.goods_names[k]));
      tr.appendChild(el("td", { "class": "num" }, fmt(b.prices[k])));
      var td = el("td");
      if (b.excess) {
        var x = b.excess[k];
        var bar = el("span", { "class": "bar" + (x < 0 ? " neg" : ""), style: "width:" + Math.min(8, Math.abs(x) * 8) + "em" });
        td.appendChild(bar); td.appendChild(document.createTextNode(" " + pct(x)));
      }
      tr.appendChild(td); rows.appendChild(tr);
    });
    var ul = document.getElementById("groups"); ul.textContent = "";
    b.groups.forEach(function (g) {
      var mark = g.away ? t("away") : g.proposed ? t("proposed") : t("thinking");
      ul.appendChild(el("li", { "class": g.proposed ? "ok" : g.away ? "small" : "" }, (g.proposed ? "\u2713 " : "\u2026 ") + g.name + " \u00b7 " + g.council_name + " \u00b7 " + mark));
    });
    document.getElementById("teacher").hidden = !teacher;
    document.getElementById("start").hidden = b.status !== "waiting";
    document.getElementById("close_round").hidden = b.status !== "round";
    document.getElementById("stop").hidden = b.status !== "round" && b.status !== "waiting";
    renderGame(m.game);
    renderVote(m.vote);
    var out = document.getElementById("outcome"); out.hidden = !m.outcome; out.textContent = "";
    if (m.outcome) { out.appendChild(outcomeTable(m.outcome)); }
  }

  function renderGame(g) {
    var box = document.getElementById("game"); box.hidden = !g; if (!g) { return; }
    setText("game_turn", g.finished ? t("game_over") : t("turn", { n: g.turn, total: g.turns }));
    setText("game_event", g.event ? t("event", { title: g.event }) : "");
    document.getElementById("game_buttons").hidden = !teacher || g.finished;
    document.getElementById("vote_event_groups").hidden = !g.event;
    document.getElementById("vote_event_hands").hidden = !g.event;
  }

  function renderVote(v) {
    var box = document.getElementById("vote"); box.hidden = !v; if (!v) { return; }
    setText("vote_question", v.question + (v.closed ? " \u2014 " + t("vote_result", { option: v.winner_label }) : ""));
    var body = document.getElementById("vote_rows"); body.textContent = "";
    v.options.forEach(function (o) {
      var tr = el("tr"); tr.appendChild(el("td", null, o.label));
      var td = el("td", { "class": "num" });
      if (teacher && v.mode === "hands" && !v.closed) {
        var inp = el("input", { type: "number", min: "0", max: "999", step: "1", "aria-label": t("hands") + ": " + o.label });
        inp.value = String(o.votes);
        inp.addEventListener("change", function () { act("hands", { option: o.id, hands: parseInt(inp.value || "0", 10) }); });
        td.appendChild(inp);
      } else { td.textContent = String(o.votes); }
      tr.appendChild(td); body.appendChild(tr);
    });
    document.getElementById("close_vote").hidden = !teacher || v.closed;
  }

  [["start", "start"], ["close_round", "close_round"], ["stop", "stop"], ["close_vote", "close_vote"], ["play_turn", "play_turn"]]
    .forEach(function (p) { document.getElementById(p[0]).addEventListener("click", function () { act(p[1]); }); });
  document.getElementById("vote_event_groups").addEventListener("click", function () { act("vote_event", { mode: "groups" }); });
  document.getElementById("vote_event_hands").addEventListener("click", function () { act("vote_event", { mode: "hands" }); });
  document.getElementById("vote_actions_groups").addEventListener("click", function () { act("vote_actions", { mode: "groups" }); });
  document.getElementById("vote_actions_hands").addEventListener("click", function () { act("vote_actions", { mode: "hands" }); });
  loadTexts(function () { label(); connect(); });
})();
