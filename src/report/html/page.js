// The week timetables of index.html: drawn from the JSON in #data, per location, group or
// teacher, one week at a time. Errors are shown on the page and counted in
// document.body.dataset.jsErrors so that a test in a headless browser can see them.
(function () {
  "use strict";
  var errors = document.getElementById("js-errors");
  window.addEventListener("error", function (e) {
    errors.textContent += "JavaScript: " + e.message + "\n";
    document.body.dataset.jsErrors = String(Number(document.body.dataset.jsErrors || 0) + 1);
  });
  var data = JSON.parse(document.getElementById("data").textContent);
  var L = data.labels;
  var kind = document.getElementById("kind");
  var who = document.getElementById("who");
  var week = document.getElementById("week");
  var grid = document.getElementById("grid");

  function option(select, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  function choices() {
    who.innerHTML = "";
    if (kind.value === "location") {
      data.locations.forEach(function (l) { option(who, l, l); });
    } else if (kind.value === "group") {
      data.groups.forEach(function (g) { option(who, g.code, g.code + " (" + g.location + ", " + g.profile + ")"); });
    } else if (kind.value === "room") {
      (data.rooms || []).forEach(function (r) { option(who, r.id, r.id + " (" + r.location + ", " + r.capacity + ")"); });
    } else {
      data.teachers.forEach(function (t) { option(who, t.id, t.id + " " + t.name + (t.cert ? "" : " *")); });
    }
  }

  function matches(lesson) {
    if (kind.value === "location") { return lesson.l === who.value; }
    if (kind.value === "group") { return lesson.c === who.value; }
    if (kind.value === "room") { return lesson.r === who.value; }
    return lesson.t === who.value;
  }

  function cell(lesson, observed) {
    var div = document.createElement("div");
    div.className = "lesson " + (lesson.cert ? "cert" : "noncert") + (observed ? " obs" : "");
    var text = lesson.c + " · " + lesson.s + "-" + lesson.e;
    text += kind.value === "teacher" ? " · " + lesson.l : " · " + lesson.t + " " + lesson.tn;
    if (lesson.r !== undefined && kind.value !== "room") { text += " · " + data.roomLabel + " " + (lesson.r || "-"); }
    if (observed) { text = L.observes + ": " + text; }
    div.textContent = text + (lesson.cert ? " ✓" : "");
    div.title = lesson.cert ? L.certified : L.notCertified;
    return div;
  }

  // One week's table of the chosen view, and how many lessons it shows.
  function weekTable(w) {
    var days = data.days;
    var table = document.createElement("table");
    table.className = "week";
    var head = document.createElement("tr");
    var corner = document.createElement("th");
    corner.textContent = L.block;
    head.appendChild(corner);
    days.forEach(function (d) {
      var th = document.createElement("th");
      th.textContent = L.dayNames[d] + " " + (w ? w.dates[d] : "");
      head.appendChild(th);
    });
    table.appendChild(head);
    var inWeek = data.lessons.filter(function (x) { return w && x.w === w.key && matches(x); });
    var seen = kind.value === "teacher" ? data.observations.filter(function (o) { return w && o.w === w.key && o.t === who.value; }) : [];
    var rows = data.blocks.slice();
    inWeek.concat(seen).forEach(function (x) {
      if (!rows.some(function (b) { return b.start === x.s && b.end === x.e; })) {
        rows.push({ name: x.s + "-" + x.e, start: x.s, end: x.e });
      }
    });
    rows.sort(function (a, b) { return a.start < b.start ? -1 : a.start > b.start ? 1 : 0; });
    var count = 0;
    rows.forEach(function (b) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.textContent = b.name + " " + b.start + "-" + b.end;
      tr.appendChild(th);
      days.forEach(function (d) {
        var td = document.createElement("td");
        inWeek.filter(function (x) { return x.wd === d && x.s === b.start && x.e === b.end; })
          .forEach(function (x) { td.appendChild(cell(x, false)); count += 1; });
        seen.filter(function (x) { return x.wd === d && x.s === b.start && x.e === b.end; })
          .forEach(function (x) { td.appendChild(cell(x, true)); count += 1; });
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    return { table: table, count: count };
  }

  function draw() {
    var drawn = weekTable(data.weeks[Number(week.value)] || data.weeks[0]);
    grid.innerHTML = "";
    grid.appendChild(drawn.table);
    document.getElementById("grid-count").textContent = drawn.count === 0 ? L.none : String(drawn.count) + " " + L.lessons;
    // For printing: every week of the chosen view, one after the other (hidden on screen).
    var all = document.getElementById("print-weeks");
    all.innerHTML = "";
    data.weeks.forEach(function (w) {
      var part = document.createElement("div");
      part.className = "print-week";
      var drawnWeek = weekTable(w);
      var h = document.createElement("h3");
      h.textContent = who.options[who.selectedIndex] ? who.options[who.selectedIndex].textContent + " · " + w.label : w.label;
      var n = document.createElement("p");
      n.className = "muted";
      n.textContent = drawnWeek.count === 0 ? L.none : String(drawnWeek.count) + " " + L.lessons;
      part.appendChild(h);
      part.appendChild(n);
      part.appendChild(drawnWeek.table);
      all.appendChild(part);
    });
  }

  data.weeks.forEach(function (w, i) { option(week, String(i), w.label); });
  kind.addEventListener("change", function () { choices(); draw(); });
  who.addEventListener("change", draw);
  week.addEventListener("change", draw);
  document.getElementById("prev").addEventListener("click", function () {
    if (week.selectedIndex > 0) { week.selectedIndex -= 1; draw(); }
  });
  document.getElementById("next").addEventListener("click", function () {
    if (week.selectedIndex < data.weeks.length - 1) { week.selectedIndex += 1; draw(); }
  });
  choices();
  // A link may choose the view: index.html#kind=teacher&who=T02&week=2025-W36
  var wanted = new URLSearchParams(window.location.hash.slice(1));
  if (wanted.get("kind")) { kind.value = wanted.get("kind"); choices(); }
  if (wanted.get("who")) { who.value = wanted.get("who"); }
  var at = data.weeks.findIndex(function (w) { return w.key === wanted.get("week"); });
  if (at >= 0) { week.selectedIndex = at; }
  draw();
  // A link that names a week says when that week has no lessons in the view, or is not in
  // the term, instead of silently showing another week; and it scrolls to the timetable.
  if (wanted.get("week")) {
    var note = document.getElementById("link-note");
    if (at < 0) {
      note.textContent = L.unknownWeek.replace("{week}", wanted.get("week"));
    } else if (weekTable(data.weeks[at]).count === 0) {
      note.textContent = L.emptyWeek.replace("{week}", data.weeks[at].label);
    }
  }
  if (wanted.get("kind") || wanted.get("who") || wanted.get("week")) {
    document.getElementById("timetable").scrollIntoView();
  }
  document.body.dataset.ready = "1";
})();
