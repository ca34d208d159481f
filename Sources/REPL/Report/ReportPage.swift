/// The whole report page: one HTML file with its style, script and data inside it, referring to
/// nothing outside itself (no network, no external script, style or font).
enum ReportPage {
    /// The page for `data`; `messages` is how many message arrows it holds.
    static func html(_ data: ReportData) -> (html: String, messages: Int) {
        let (json, messages) = data.json()
        let title = "kvrepl report: \(data.script), seed \(data.seed)"
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(MarkupText.html(title))</title><style>\(style)</style></head>\n"
        out += "<body data-messages=\"\(messages)\"><header><h1>\(MarkupText.html(title))</h1>"
        out += "<div id=\"summary\"></div><div id=\"controls\">"
        out += "<label><input type=\"checkbox\" id=\"background\"> gossip and anti-entropy</label> "
        out += "<button id=\"zoomout\" title=\"zoom out\">−</button><button id=\"zoomin\" title=\"zoom in\">+</button> "
        out += "<button id=\"clear\">clear selection</button><span id=\"legend\"></span></div>"
        out += "<div id=\"omitted\" hidden></div></header>\n<main><div id=\"scroller\"><div id=\"spacer\"></div>"
        out += "<canvas id=\"diagram\"></canvas></div><aside><section id=\"details\"><h2>Selected</h2>"
        out += "<div id=\"selected\">Hover over or click a message, an operation, a fault, a view or an expectation.</div></section>"
        out += "<section><h2>Expectations and findings</h2><ol id=\"expectations\"></ol></section>"
        out += "<section><h2>The ring</h2><label>key <select id=\"key\"><option value=\"\">(choose a key)</option></select></label>"
        out += "<div id=\"preference\"></div><div class=\"rings\">"
        out += RingPicture.svg(data.recorder.ringAtStart, id: "ring0", title: "at start", hosts: data.recorder.hosts)
        out += RingPicture.svg(data.ringAtEnd, id: "ring1", title: "at end", hosts: data.recorder.hosts)
        out += "</div></section></aside></main><div id=\"tip\" hidden></div>\n"
        out += "<script id=\"data\" type=\"application/json\">\(json)</script>\n"
        out += "<script>const PALETTE=[" + RingPicture.palette.map(MarkupText.json).joined(separator: ",") + "];\n"
        out += script + "</script>\n</body></html>\n"
        return (out, messages)
    }

    static let style = #"""
    *{box-sizing:border-box}
    body{margin:0;font:13px/1.35 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;background:#fafafa;height:100vh;display:flex;flex-direction:column}
    header{padding:6px 12px;border-bottom:1px solid #ddd;background:#fff}
    h1{font-size:15px;margin:0 0 2px}
    h2{font-size:13px;margin:8px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:#555}
    #summary{color:#444}
    #controls{margin-top:4px;display:flex;gap:6px;align-items:center;flex-wrap:wrap}
    #controls button{font:inherit;padding:0 8px}
    #legend span{margin-right:8px;white-space:nowrap}
    #legend i,.legend i{display:inline-block;width:10px;height:10px;margin-right:3px;vertical-align:-1px;border-radius:2px}
    #omitted{margin-top:4px;padding:3px 6px;background:#fff3cd;border:1px solid #e0c56e}
    main{flex:1;display:flex;min-height:0}
    #scroller{flex:1;overflow:auto;position:relative;background:#fff}
    #spacer{position:absolute;left:0;top:0;width:1px}
    #diagram{position:sticky;left:0;top:0;display:block}
    aside{width:400px;overflow:auto;border-left:1px solid #ddd;padding:0 10px 10px;background:#fafafa}
    #selected{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;background:#fff;border:1px solid #ddd;padding:6px;min-height:3em}
    #expectations{padding-left:22px;margin:0}
    #expectations li{cursor:pointer;margin:2px 0;word-break:break-word}
    #expectations li.fail{color:#b00020}
    #expectations li.pass{color:#1b6e20}
    #expectations li.sel,.finding.sel{background:#ffe9a8}
    .finding{color:#7a0016;margin-left:8px;cursor:pointer;font-size:12px}
    .rings{display:flex;flex-wrap:wrap;gap:4px}
    figure.ring{margin:0;width:185px}
    figcaption{font-size:12px;color:#555}
    .legend span{font-size:11px;margin-right:4px}
    #preference{font-size:12px;margin:4px 0}
    #tip{position:fixed;z-index:9;max-width:520px;background:#222;color:#fff;padding:4px 7px;border-radius:3px;font:12px/1.35 ui-monospace,Menlo,Consolas,monospace;pointer-events:none;white-space:pre-wrap}
    """#

    static let script = #"""
    "use strict";
    (function(){
    const t0 = performance.now();
    const D = JSON.parse(document.getElementById("data").textContent);
    const KINDS = D.kinds, NK = KINDS.length;
    const KIND_COLOUR = {"request":"#1f5fbf","reply":"#0b3a7e","write":"#2a9d3a","write-ack":"#7cc47f","read":"#0f9aa8","read-reply":"#74c7cf",
      "repair":"#8a8a00","hint":"#e07b00","hint-ack":"#f0b060","handoff":"#8c564b","handoff-ack":"#c49c94","ae-tree":"#9b7bd0",
      "ae-digest":"#9b7bd0","ae-pull":"#7b5bb0","ae-push":"#7b5bb0","gossip":"#b8b8b8","gossip-reply":"#cfcfcf","report":"#d0338f",
      "report-ack":"#e88cc0","removed":"#000"};
    const BACKGROUND = new Set(["gossip","gossip-reply","ae-tree","ae-digest","ae-pull","ae-push"]);
    const FAULT_COLOUR = {kill:"rgba(214,39,40,.22)", wipe:"rgba(214,39,40,.22)", pause:"rgba(255,127,14,.25)", isolate:"rgba(148,103,189,.25)",
      partition:"rgba(31,119,180,.18)", leave:"rgba(120,120,120,.18)"};
    const kindColour = KINDS.map(k => KIND_COLOUR[k] || "#555");
    const kindHidden = KINDS.map(k => BACKGROUND.has(k));
    const hosts = D.hosts, H = hosts.length;
    const M = D.m, N = M.length / 7;
    const ops = D.ops, faults = D.faults, views = D.views, exps = D.exps, checks = D.checks;
    const fmtTime = us => {
      if (us < 1000) return us + "µs";
      if (us < 1e6) return (us / 1000).toFixed(us % 1000 ? 1 : 0).replace(/\.0$/, "") + "ms";
      const s = us / 1e6; return (s < 60 ? s.toFixed(3).replace(/\.?0+$/, "") : s.toFixed(1)) + "s";
    };
    // Columns: clients first, then nodes in order of first mention.
    const isClient = hosts.map(h => /^client/.test(h));
    const order = [...hosts.keys()].sort((a, b) => (isClient[b] - isClient[a]) || a - b);
    // Lanes for concurrent operations, per client.
    const opLane = new Array(ops.length).fill(0), lanes = new Array(H).fill(1);
    { const free = {}; const idx = [...ops.keys()].sort((a, b) => ops[a][2] - ops[b][2] || a - b);
      for (const i of idx) { const c = ops[i][0]; const ends = free[c] || (free[c] = []);
        let l = ends.findIndex(e => e <= ops[i][2]); if (l < 0) { l = ends.length; ends.push(0); }
        ends[l] = ops[i][3] < 0 ? Infinity : ops[i][3]; opLane[i] = l; lanes[c] = Math.max(lanes[c], ends.length); } }
    // Widths: a client shows its operations' labels beside up to 4 lanes; with more, the lanes
    // narrow (3 to 12px) to keep the column within 300px. Node columns share what is left.
    const LANE = 12, AXIS = 64;
    const colX = new Array(H), colW = new Array(H), laneW = new Array(H).fill(LANE);
    for (const h of order) if (isClient[h]) { laneW[h] = lanes[h] <= 4 ? LANE : Math.max(3, Math.min(LANE, 100 / lanes[h]));
      colW[h] = lanes[h] <= 4 ? 360 : Math.min(240, 130 + lanes[h] * laneW[h]); }
    { const nodes = order.filter(h => !isClient[h]).length, used = order.filter(h => isClient[h]).reduce((a, h) => a + colW[h], 0);
      const nodeW = Math.max(64, Math.min(140, (document.getElementById("scroller").clientWidth - AXIS - used - 10) / Math.max(1, nodes)));
      let x = AXIS; for (const h of order) { if (!isClient[h]) colW[h] = nodeW; colX[h] = x; x += colW[h]; } }
    const totalW = order.length ? colX[order[order.length - 1]] + colW[order[order.length - 1]] + 20 : 400;
    const centre = h => colX[h] + colW[h] / 2;
    const laneX = (c, l) => colX[c] + 10 + Math.min(l, Math.floor((colW[c] - 120) / laneW[c])) * laneW[c] + laneW[c] / 2;
    const endpointX = (h, m) => { if (isClient[h]) { const o = M[m * 7 + 6]; return o >= 0 ? laneX(h, opLane[o]) : colX[h] + 10; } return centre(h); };
    // Fault spans per node: [host, kind, from, to, label, fault index].
    const spans = [], marks = [];
    { const open = {}, endAt = (key, t) => { const s = open[key]; if (s) { s[3] = t; delete open[key]; } };
      const start = (key, h, kind, t, label, i) => { endAt(key, t); const s = [h, kind, t, D.end, label, i]; spans.push(s); open[key] = s; };
      faults.forEach((f, i) => { const [kind, t, hs, groups, detail] = f;
        for (const h of hs) {
          if (kind === "kill" || kind === "wipe") start("down" + h, h, kind, t, kind === "wipe" ? "killed, wiped" : "killed", i);
          else if (kind === "pause") start("down" + h, h, kind, t, "paused", i);
          else if (kind === "restart" || kind === "resume") endAt("down" + h, t);
          else if (kind === "isolate") start("iso" + h, h, kind, t, "isolated", i);
          else if (kind === "leave") start("leave" + h, h, kind, t, "leaving", i);
          else if (kind === "remove") { endAt("leave" + h, t); endAt("down" + h, t); }
        }
        if (kind === "partition") { for (const k of Object.keys(open)) if (k.startsWith("part")) endAt(k, t);
          groups.forEach((g, gi) => g.forEach(h => start("part" + h, h, kind, t, "partition " + (gi + 1) + "/" + groups.length, i))); }
        if (kind === "heal") for (const k of Object.keys(open)) if (k.startsWith("part") || k.startsWith("iso")) endAt(k, t);
        if (kind === "wipe" || kind === "config" || kind === "heal" || kind === "add" || kind === "remove") marks.push(i);
      }); }
    // Each host's lifelines: from each `add` to its `remove` (a name can be added again).
    const lives = hosts.map((h, i) => isClient[i] ? [[0, D.end]] : []);
    faults.forEach(f => { for (const h of f[2]) { const l = lives[h];
      if (f[0] === "add") l.push([f[1], D.end]); else if (f[0] === "remove" && l.length) l[l.length - 1][1] = f[1]; } });
    // Time axis: linear at `scale` px per µs, with idle stretches (nothing drawn for long) compressed.
    let scale = 0.002, showBackground = false;
    const IDLE_PX = 80, IDLE_H = 26;
    let segT = [], segY = [], segIdle = [], totalH = 0;
    function buildAxis() {
      const ts = [0, D.end];
      for (let i = 0; i < N; i++) { if (!showBackground && kindHidden[M[i * 7 + 2]]) continue; ts.push(M[i * 7 + 3], M[i * 7 + 4]); }
      for (const o of ops) { ts.push(o[2]); if (o[3] >= 0) ts.push(o[3]); }
      for (const f of faults) ts.push(f[1]);
      for (const v of views) ts.push(v[0]);
      for (const e of exps) ts.push(e[0]);
      const sorted = Float64Array.from(ts).sort();
      segT = [0]; segY = [48]; segIdle = [false];
      let y = 48, last = sorted[0];
      for (let i = 1; i < sorted.length; i++) { const t = sorted[i]; if (t === last) continue;
        const px = (t - last) * scale;
        if (px > IDLE_PX) { segT.push(last); segY.push(y); segIdle.push(true); y += IDLE_H; segT.push(t); segY.push(y); segIdle.push(false); }
        else y += px;
        last = t; }
      segT.push(last); segY.push(y); segIdle.push(false);
      totalH = y + 40;
    }
    function yOf(t) { let lo = 0, hi = segT.length - 1; if (t <= segT[0]) return segY[0]; if (t >= segT[hi]) return segY[hi] + (t - segT[hi]) * scale;
      while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (segT[mid] <= t) lo = mid; else hi = mid; }
      if (segIdle[lo]) return segY[lo] + (t - segT[lo]) / (segT[hi] - segT[lo]) * (segY[hi] - segY[lo]);
      return segY[lo] + (t - segT[lo]) * scale; }
    function tOf(y) { let lo = 0, hi = segY.length - 1; if (y <= segY[0]) return segT[0]; if (y >= segY[hi]) return segT[hi] + (y - segY[hi]) / scale;
      while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (segY[mid] <= y) lo = mid; else hi = mid; }
      if (segIdle[lo]) return segT[lo] + (y - segY[lo]) / (segY[hi] - segY[lo]) * (segT[hi] - segT[lo]);
      return segT[lo] + (y - segY[lo]) / scale; }
    let maxDur = 0; for (let i = 0; i < N; i++) maxDur = Math.max(maxDur, M[i * 7 + 4] - M[i * 7 + 3]);
    // Selection: what is highlighted (messages, operations, faults, views), and where it came from.
    let sel = null;
    const scroller = document.getElementById("scroller"), spacer = document.getElementById("spacer");
    const canvas = document.getElementById("diagram"), ctx = canvas.getContext("2d");
    const tip = document.getElementById("tip"), selectedBox = document.getElementById("selected");
    let hits = [];
    function resize() { const dpr = window.devicePixelRatio || 1; const w = scroller.clientWidth, h = scroller.clientHeight;
      canvas.width = w * dpr; canvas.height = h * dpr; canvas.style.width = w + "px"; canvas.style.height = h + "px";
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0); spacer.style.height = totalH + "px"; spacer.style.width = totalW + "px"; draw(); }
    function dim(on) { ctx.globalAlpha = sel && !on ? 0.3 : 1; }
    function arrowHead(x1, y1, x2, y2) { const a = Math.atan2(y2 - y1, x2 - x1); ctx.beginPath(); ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - 7 * Math.cos(a - 0.4), y2 - 7 * Math.sin(a - 0.4)); ctx.lineTo(x2 - 7 * Math.cos(a + 0.4), y2 - 7 * Math.sin(a + 0.4)); ctx.closePath(); ctx.fill(); }
    function cross(x, y) { ctx.beginPath(); ctx.moveTo(x - 4, y - 4); ctx.lineTo(x + 4, y + 4); ctx.moveTo(x + 4, y - 4); ctx.lineTo(x - 4, y + 4); ctx.stroke(); }
    function draw() {
      const w = scroller.clientWidth, h = scroller.clientHeight, sx = scroller.scrollLeft, sy = scroller.scrollTop;
      ctx.clearRect(0, 0, w, h); ctx.save(); ctx.translate(-sx, -sy); hits = [];
      const ta = tOf(sy - 20), tb = tOf(sy + h + 20);
      ctx.font = "11px system-ui,sans-serif"; ctx.textBaseline = "middle";
      // Idle stretches.
      for (let i = 0; i + 1 < segT.length; i++) if (segIdle[i] && segY[i + 1] >= sy && segY[i] <= sy + h) {
        ctx.fillStyle = "#f1f1f1"; ctx.fillRect(0, segY[i], totalW, segY[i + 1] - segY[i]);
        ctx.fillStyle = "#777"; ctx.textAlign = "right";
        ctx.fillText("⋯ idle " + fmtTime(segT[i + 1] - segT[i]) + " (compressed)", Math.min(totalW - 24, sx + w - 8), (segY[i] + segY[i + 1]) / 2); ctx.textAlign = "left"; }
      // Lifelines.
      for (const hst of order) { ctx.strokeStyle = isClient[hst] ? "#ccc" : "#999"; ctx.lineWidth = 1; ctx.globalAlpha = 1;
        const x = isClient[hst] ? colX[hst] + 8 : centre(hst);
        for (const [a, b] of lives[hst]) { const y1 = Math.max(sy, yOf(a)), y2 = Math.min(sy + h, yOf(b));
          if (y2 > y1) { ctx.beginPath(); ctx.moveTo(x, y1); ctx.lineTo(x, y2); ctx.stroke(); } } }
      // Fault spans.
      spans.forEach(s => { const [hst, kind, a, b, label, fi] = s; if (b < ta || a > tb) return;
        const y1 = yOf(a), y2 = Math.max(yOf(b), y1 + 3), x = colX[hst] + 4, wd = colW[hst] - 8;
        dim(sel && sel.faults.has(fi)); ctx.fillStyle = FAULT_COLOUR[kind] || "rgba(0,0,0,.1)"; ctx.fillRect(x, y1, wd, y2 - y1);
        if (sel && sel.faults.has(fi)) { ctx.strokeStyle = "#b00020"; ctx.lineWidth = 2; ctx.strokeRect(x, y1, wd, y2 - y1); }
        ctx.save(); ctx.beginPath(); ctx.rect(x, y1, wd, y2 - y1); ctx.clip(); ctx.fillStyle = "#333";
        ctx.fillText(label, x + 3, Math.min(Math.max(y1, sy + 30) + 8, y2 - 6)); ctx.restore();
        hits.push({type: "fault", i: fi, x1: x, x2: x + wd, y1, y2, label}); });
      // Marks: config, wipe, heal, add, remove.
      let markY = -1e9, markEnd = 0;
      for (const fi of marks) { const f = faults[fi]; if (f[1] < ta || f[1] > tb) continue; const y = yOf(f[1]);
        dim(sel && sel.faults.has(fi)); ctx.strokeStyle = f[0] === "wipe" ? "#b00020" : "#666"; ctx.setLineDash([4, 3]); ctx.lineWidth = 1;
        const xs = f[2].length ? f[2].map(hh => [colX[hh], colX[hh] + colW[hh]]) : [[AXIS, totalW]];
        for (const [a, b] of xs) { ctx.beginPath(); ctx.moveTo(a, y); ctx.lineTo(b, y); ctx.stroke(); }
        ctx.setLineDash([]); ctx.fillStyle = f[0] === "wipe" ? "#b00020" : "#444";
        const text = f[0] === "config" ? f[4] : f[0] + (f[2].length ? " " + f[2].map(hh => hosts[hh]).join(" ") : "");
        const firstNode = order.find(hh => !isClient[hh]);
        let lx = (f[2].length || firstNode === undefined ? xs[0][0] : colX[firstNode]) + 4;
        if (Math.abs(y - markY) < 3 && lx < markEnd) lx = markEnd + 8;  // marks at one time side by side
        ctx.fillText(text, lx, y - 7); markY = y; markEnd = lx + ctx.measureText(text).width; hits.push({type: "fault", i: fi, x1: xs[0][0], x2: xs[xs.length - 1][1], y1: y - 4, y2: y + 4}); }
      // Operations.
      ops.forEach((o, i) => { const end = o[3] < 0 ? D.end : o[3]; if (end < ta || o[2] > tb) return;
        const lw = laneW[o[0]], x = laneX(o[0], opLane[i]) - lw / 2 + 0.5, y1 = yOf(o[2]), y2 = Math.max(yOf(end), y1 + 4);
        const on = sel && sel.ops.has(i); dim(on);
        ctx.fillStyle = ["#d8ecd9", "#f6d0d0", "#f6d0d0", "#eee"][o[4]]; ctx.strokeStyle = ["#2a7d33", "#b00020", "#b00020", "#888"][o[4]];
        ctx.lineWidth = on ? 2.5 : lw < 6 ? 0.5 : 1; ctx.fillRect(x, y1, lw - 1, y2 - y1); ctx.strokeRect(x, y1, lw - 1, y2 - y1);
        if (lanes[o[0]] <= 4) { ctx.fillStyle = "#222"; const lx = colX[o[0]] + 14 + lanes[o[0]] * lw;
          ctx.save(); ctx.beginPath(); ctx.rect(lx, y1 - 2, colX[o[0]] + colW[o[0]] - lx - 110, 16); ctx.clip();
          ctx.fillText(o[5] + (o[6] ? " → " + o[6] : ""), lx, y1 + 6); ctx.restore(); }
        hits.push({type: "op", i, x1: x, x2: x + lw, y1, y2}); });
      // Stream views, in the client column's last 100px; views at one time side by side.
      let viewY = -1e9, viewLeft = 0;
      views.forEach((v, i) => { if (v[0] < ta || v[0] > tb) return; const c = order.find(hh => isClient[hh]); if (c === undefined) return;
        const y = yOf(v[0]), label = v[1] + " #" + v[2]; let x = colX[c] + colW[c] - 14;
        if (Math.abs(y - viewY) < 10 && x > viewLeft - 8) x = viewLeft - 8;
        viewY = y; viewLeft = x - 8 - ctx.measureText(label).width - 8;
        dim(sel && sel.views.has(i)); ctx.fillStyle = "#d0338f";
        ctx.beginPath(); ctx.moveTo(x, y - 5); ctx.lineTo(x + 5, y); ctx.lineTo(x, y + 5); ctx.lineTo(x - 5, y); ctx.fill();
        ctx.fillStyle = "#7a1553"; ctx.textAlign = "right"; ctx.fillText(label, x - 8, y); ctx.textAlign = "left";
        hits.push({type: "view", i, x1: x - 6, x2: x + 6, y1: y - 6, y2: y + 6}); });
      // Messages.
      let lo = 0, hi = N; const from = ta - maxDur; while (lo < hi) { const mid = (lo + hi) >> 1; if (M[mid * 7 + 3] < from) lo = mid + 1; else hi = mid; }
      ctx.lineWidth = 1.2;
      for (let i = lo; i < N; i++) { const b = i * 7, sent = M[b + 3]; if (sent > tb) break; const ended = M[b + 4], fate = M[b + 5];
        if (ended < ta && fate !== 4) continue; if (!showBackground && kindHidden[M[b + 2]] && !(sel && sel.msgs.has(i))) continue;
        const x1 = endpointX(M[b], i), y1 = yOf(sent); let x2 = endpointX(M[b + 1], i), y2 = fate === 4 ? yOf(D.end) : yOf(ended);
        if (fate === 3) { x2 = x1 + (x2 - x1) * 0.35; y2 = y1 + 10; }
        const on = sel && sel.msgs.has(i); dim(on); const col = kindColour[M[b + 2]];
        ctx.strokeStyle = col; ctx.fillStyle = col; ctx.lineWidth = on ? 2.5 : 1.2;
        if (fate === 4) ctx.setLineDash([5, 4]);
        ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke(); ctx.setLineDash([]);
        if (fate <= 1) arrowHead(x1, y1, x2, y2); else if (fate === 2 || fate === 3) { ctx.strokeStyle = "#b00020"; ctx.lineWidth = 2; cross(x2, y2); }
        hits.push({type: "msg", i, x1, y1, x2, y2}); }
      ctx.globalAlpha = 1;
      // Expectation marks in the time axis.
      exps.forEach((e, i) => { if (e[0] < ta || e[0] > tb) return; const y = yOf(e[0]); dim(sel && sel.exps.has(i));
        ctx.fillStyle = e[1] ? "#1b6e20" : "#b00020"; ctx.font = "bold 12px system-ui,sans-serif"; ctx.fillText(e[1] ? "✓" : "✗", sx + AXIS - 14, y);
        ctx.font = "11px system-ui,sans-serif"; hits.push({type: "exp", i, x1: sx + AXIS - 18, x2: sx + AXIS, y1: y - 7, y2: y + 7}); });
      ctx.globalAlpha = 1;
      // Time axis labels.
      ctx.fillStyle = "rgba(250,250,250,.92)"; ctx.fillRect(sx, sy, AXIS - 20, h); ctx.fillStyle = "#555";
      for (let y = Math.ceil((sy + 40) / 80) * 80; y < Math.min(sy + h, totalH - 30); y += 80) ctx.fillText(fmtTime(Math.round(tOf(y))), sx + 4, y);
      // Column headers.
      ctx.fillStyle = "rgba(255,255,255,.95)"; ctx.fillRect(sx, sy, w, 26); ctx.strokeStyle = "#ddd"; ctx.beginPath(); ctx.moveTo(sx, sy + 26); ctx.lineTo(sx + w, sy + 26); ctx.stroke();
      ctx.font = "bold 12px system-ui,sans-serif";
      for (const hst of order) { ctx.fillStyle = isClient[hst] ? "#333" : PALETTE[hst % PALETTE.length];
        ctx.fillText(hosts[hst], isClient[hst] ? colX[hst] + 4 : centre(hst) - ctx.measureText(hosts[hst]).width / 2, sy + 13); }
      ctx.restore();
    }
    function distance(px, py, h) { if (h.type !== "msg") return px >= h.x1 && px <= h.x2 && py >= h.y1 && py <= h.y2 ? 0 : Infinity;
      const dx = h.x2 - h.x1, dy = h.y2 - h.y1, len = dx * dx + dy * dy; let u = len ? ((px - h.x1) * dx + (py - h.y1) * dy) / len : 0;
      u = Math.max(0, Math.min(1, u)); const qx = h.x1 + u * dx - px, qy = h.y1 + u * dy - py; return Math.sqrt(qx * qx + qy * qy); }
    function hitAt(ev) { const r = canvas.getBoundingClientRect(); const px = ev.clientX - r.left + scroller.scrollLeft, py = ev.clientY - r.top + scroller.scrollTop;
      let best = null, bd = 6; for (let k = hits.length - 1; k >= 0; k--) { const d = distance(px, py, hits[k]); if (d < bd || (d === 0 && bd > 0)) { bd = d; best = hits[k]; if (d === 0 && best.type !== "fault") break; } }
      return best; }
    const fateText = ["delivered", "delivered (waited at a paused node)", "dropped", "lost", "in flight at the end"];
    function describe(h) {
      if (h.type === "msg") { const b = h.i * 7; const end = M[b + 5] === 3 ? "" : " → " + fmtTime(M[b + 4]);
        return KINDS[M[b + 2]] + " " + hosts[M[b]] + " → " + hosts[M[b + 1]] + "\n" + fmtTime(M[b + 3]) + end + ", " + fateText[M[b + 5]] + "\n" + D.mt[h.i]
          + (M[b + 6] >= 0 ? "\noperation: " + ops[M[b + 6]][5] : ""); }
      if (h.type === "op") { const o = ops[h.i]; return (o[8] ? "stream registration" : "client operation") + " by " + hosts[o[0]] + "\n" + o[5] + "\ncoordinator: "
        + (o[1] >= 0 ? hosts[o[1]] : "none") + "\n" + fmtTime(o[2]) + " → " + (o[3] >= 0 ? fmtTime(o[3]) : "never completed") + "\n"
        + ["ok", "failed", "timed out", "in flight"][o[4]] + (o[6] ? ": " + o[6] : ""); }
      if (h.type === "fault") { const f = faults[h.i]; const g = f[3].length ? "\ngroups: " + f[3].map(gr => "{" + gr.map(x => hosts[x]).join(" ") + "}").join(" ") : "";
        return f[0] + " " + f[2].map(x => hosts[x]).join(" ") + " at " + fmtTime(f[1]) + g + (f[4] ? "\n" + f[4] : "") + (h.label ? "\n" + h.label : ""); }
      if (h.type === "view") { const v = views[h.i]; return "stream " + v[1] + " view #" + v[2] + " at " + fmtTime(v[0]) + "\nkey " + v[3] + ": " + v[4]; }
      if (h.type === "exp") { const e = exps[h.i]; return (e[1] ? "PASS " : "FAIL ") + e[2] + " " + e[3] + " at " + fmtTime(e[0]) + "\nexpected: " + e[4] + "\nseen:     " + e[5]; }
      return "";
    }
    function emptySel(what) { return {what, msgs: new Set(), ops: new Set(), faults: new Set(), views: new Set(), exps: new Set()}; }
    function addOp(s, o) { if (o < 0) return; s.ops.add(o); for (let i = 0; i < N; i++) if (M[i * 7 + 6] === o) s.msgs.add(i); }
    // The kills (and wipes, removals) of nodes that had taken the operation's write (a copy sent
    // to them, or kept by the coordinator that acknowledged it), or whose lost disk `text` names.
    function addKills(s, o, text) { const got = {}, keep = (h, t) => { got[h] = Math.min(got[h] ?? Infinity, t); };
      for (const i of s.msgs) { const b = i * 7; if (M[b + 6] !== o || M[b + 5] > 1) continue;
        if (KINDS[M[b + 2]] === "write") keep(M[b + 1], M[b + 4]);
        if (KINDS[M[b + 2]] === "reply" && ops[o][4] === 0) keep(M[b], M[b + 3]); }
      const disk = /(\S+)'s (wiped )?disk/.exec(text || "");
      if (disk) { const h = hosts.indexOf(disk[1]); if (h >= 0) keep(h, ops[o] ? ops[o][2] : 0); }
      faults.forEach((f, fi) => { if ((f[0] === "kill" || f[0] === "wipe" || f[0] === "remove") && f[2].some(h => got[h] !== undefined && f[1] >= got[h])) s.faults.add(fi); }); }
    function addKey(s, key) { if (key == null) return; views.forEach((v, i) => { if (v[3] === key) s.views.add(i); }); chooseKey(key); }
    function select(h) {
      let s = null;
      if (h) { s = emptySel(h);
        if (h.type === "msg") { s.msgs.add(h.i); }
        if (h.type === "op") { addOp(s, h.i); addKills(s, h.i); chooseKey(ops[h.i][7]); }
        if (h.type === "fault") s.faults.add(h.i);
        if (h.type === "view") { s.views.add(h.i); }
        if (h.type === "exp") { const e = exps[h.i]; s.exps.add(h.i); addOp(s, e[6]); if (e[6] >= 0) addKills(s, e[6]);
          if (e[7] >= 0) for (const f of checks[e[7]][2]) { addOp(s, f[1]); if (f[1] >= 0) addKills(s, f[1], f[0]); } }
        if (h.type === "finding") { const f = checks[h.c][2][h.i]; addOp(s, f[1]); if (f[1] >= 0) addKills(s, f[1], f[0]); addKey(s, f[2]); }
      }
      sel = s; selectedBox.textContent = h ? (h.type === "finding" ? checks[h.c][2][h.i][0] : describe(h)) : "Nothing selected.";
      if (s && (s.ops.size || s.faults.size)) selectedBox.textContent += "\n\nhighlighted: " + s.ops.size + " operation(s), " + s.msgs.size + " message(s), " + s.faults.size + " fault(s)";
      document.querySelectorAll("#expectations .sel").forEach(e => e.classList.remove("sel"));
      if (h && h.el) h.el.classList.add("sel");
      draw();
    }
    function scrollToTime(t) { scroller.scrollTop = Math.max(0, yOf(t) - scroller.clientHeight / 3); }
    canvas.addEventListener("mousemove", ev => { const h = hitAt(ev); if (!h) { tip.hidden = true; return; }
      tip.textContent = describe(h); tip.hidden = false; tip.style.left = Math.min(ev.clientX + 14, window.innerWidth - 540) + "px"; tip.style.top = (ev.clientY + 14) + "px"; });
    canvas.addEventListener("mouseleave", () => { tip.hidden = true; });
    canvas.addEventListener("click", ev => select(hitAt(ev)));
    scroller.addEventListener("scroll", () => { requestAnimationFrame(draw); });
    window.addEventListener("resize", resize);
    function rezoom(f) { const t = tOf(scroller.scrollTop + scroller.clientHeight / 2); scale *= f; buildAxis(); resize(); scroller.scrollTop = yOf(t) - scroller.clientHeight / 2; }
    document.getElementById("zoomin").onclick = () => rezoom(2);
    document.getElementById("zoomout").onclick = () => rezoom(0.5);
    document.getElementById("clear").onclick = () => select(null);
    const bg = document.getElementById("background");
    bg.onchange = () => { showBackground = bg.checked; const t = tOf(scroller.scrollTop); buildAxis(); resize(); scroller.scrollTop = yOf(t); };
    // Summary, legend, what was left out.
    const counts = {}; for (let i = 0; i < N; i++) counts[M[i * 7 + 2]] = (counts[M[i * 7 + 2]] || 0) + 1;
    document.getElementById("summary").textContent = hosts.filter((h, i) => !isClient[i]).length + " nodes, " + D.total + " messages, "
      + ops.length + " operations, " + faults.filter(f => f[0] !== "config").length + " faults and membership changes, " + views.length + " stream views; "
      + D.passed + " passed, " + D.failed + " failed; ends at " + fmtTime(D.end) + ". Time runs down; idle stretches are compressed.";
    document.getElementById("legend").innerHTML = KINDS.map((k, i) => counts[i] ? "<span><i style=\"background:" + kindColour[i] + "\"></i>" + k + " " + counts[i] + "</span>" : "").join("")
      + "<span>✗ dropped or lost</span><span>- - in flight</span>";
    if (D.omitted) { const o = document.getElementById("omitted"); o.textContent = D.omitted; o.hidden = false; }
    // Expectations and findings.
    const list = document.getElementById("expectations");
    exps.forEach((e, i) => { const li = document.createElement("li"); li.className = e[1] ? "pass" : "fail";
      li.textContent = (e[1] ? "PASS " : "FAIL ") + e[2] + " " + e[3];
      li.onclick = ev => { if (ev.target !== li) return; select({type: "exp", i, el: li}); scrollToTime(e[0]); };
      if (e[7] >= 0) checks[e[7]][2].forEach((f, fi) => { const d = document.createElement("div"); d.className = "finding"; d.textContent = f[0];
        d.onclick = () => { select({type: "finding", c: e[7], i: fi, el: d}); const o = f[1] >= 0 ? ops[f[1]] : null; scrollToTime(o ? o[2] : e[0]); }; li.appendChild(d); });
      list.appendChild(li); });
    if (!exps.length) list.outerHTML = "<p>No expectations in this run.</p>";
    // The ring: a key's place and preference list (the first `replicas` distinct nodes clockwise).
    const keySelect = document.getElementById("key"), keyPos = new Map(D.keys);
    for (const [k] of [...D.keys].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) { const o = document.createElement("option"); o.value = k; o.textContent = k; keySelect.appendChild(o); }
    function preference(ring, pos) { if (!ring) return []; const tk = []; for (let i = 0; i < ring.tokens.length; i += 2) tk.push([ring.tokens[i + 1], ring.tokens[i]]);
      tk.sort((a, b) => a[0] - b[0] || a[1] - b[1]); let s = tk.findIndex(t => t[0] >= pos); if (s < 0) s = 0; const out = [];
      for (let j = 0; j < tk.length && out.length < ring.replicas; j++) { const h = tk[(s + j) % tk.length][1]; if (!out.includes(h)) out.push(h); } return out; }
    function chooseKey(key) { if (key == null || !keyPos.has(key)) return; keySelect.value = key; const pos = keyPos.get(key); const lines = [];
      for (const [id, ring, label] of [["ring0", D.ring0, "at start"], ["ring1", D.ring1, "at end"]]) { const svg = document.getElementById(id); if (!svg) continue;
        const g = svg.querySelector(".keymark"), a = pos * 2 * Math.PI - Math.PI / 2, pl = preference(ring, pos);
        g.innerHTML = "<line x1=\"120\" y1=\"120\" x2=\"" + (120 + 100 * Math.cos(a)) + "\" y2=\"" + (120 + 100 * Math.sin(a)) + "\" stroke=\"#000\" stroke-width=\"1.5\"/>"
          + "<circle cx=\"" + (120 + 80 * Math.cos(a)) + "\" cy=\"" + (120 + 80 * Math.sin(a)) + "\" r=\"4\" fill=\"#000\"/>"
          + "<text x=\"120\" y=\"124\" text-anchor=\"middle\" font-size=\"11\">" + pl.map(h => hosts[h]).join(" ") + "</text>";
        lines.push(label + ": " + pl.map(h => hosts[h]).join(", ")); }
      document.getElementById("preference").textContent = "key " + key + " at " + (pos * 100).toFixed(2) + "% of the ring; preference list " + lines.join("; "); }
    keySelect.onchange = () => chooseKey(keySelect.value);
    buildAxis(); resize();
    // `#failure` in the address opens the report on its first failed expectation (or finding).
    if (location.hash === "#failure") { const li = list.querySelector("li.fail .finding") || list.querySelector("li.fail"); if (li) li.click(); }
    // How long the page took: its script alone, and since navigation started (for measurements).
    document.body.dataset.readyMs = String(Math.round(performance.now() - t0));
    document.body.dataset.loadedMs = String(Math.round(performance.now()));
    })();
    """#
}
