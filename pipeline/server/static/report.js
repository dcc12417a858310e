/* Renders an analysis result (the JSON of DESIGN.md §4 plus `text`) into the DOM.
 *
 * Shared by the web page (loaded as /static/report.js) and the self-contained HTML report
 * (inlined by pipeline/render/html.py), so both show the same highlighting, chart and quiz.
 * Every string that comes from the transcript is inserted with textContent or as an
 * attribute value through the DOM API, never as HTML, so markup in a transcript is shown as
 * text and never runs.
 */
(function (global) {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var SECTIONS = ["title", "chapters", "summary", "keywords", "tone", "quiz"];
  var uid = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = String(value);
      else node.setAttribute(key, value === true ? "" : String(value));
    });
  }

  function append(node, children) {
    if (children === null || children === undefined) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }

  /** Seconds as m:ss or h:mm:ss; "" when unknown. */
  function formatTime(seconds) {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) return "";
    var total = Math.floor(seconds);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var ss = (s < 10 ? "0" : "") + s;
    if (h > 0) return h + ":" + (m < 10 ? "0" : "") + m + ":" + ss;
    return m + ":" + ss;
  }

  function signed(x) {
    return (x > 0 ? "+" : x < 0 ? "\u2212" : "") + Math.abs(x).toFixed(2);
  }

  function percent(x) {
    return Math.round(x * 100) + "%";
  }

  function timeBadge(seconds) {
    var t = formatTime(seconds);
    return t ? el("span", { "class": "time", text: t }) : null;
  }

  function heading(text, id) {
    return el("h2", { id: id, text: text });
  }

  function section(name, label, body) {
    var id = "h-" + name + "-" + (++uid);
    return el("section", { "class": "result-section section-" + name, "aria-labelledby": id, "data-section": name }, [heading(label, id)].concat(body));
  }

  // ---- title and summary --------------------------------------------------------------

  function renderTitle(result) {
    return section("title", "Title", [el("p", { "class": "title-text", text: result.title || "(no title)" })]);
  }

  function renderSummary(result) {
    var items = result.summary || [];
    if (!items.length) return section("summary", "Summary", [el("p", { text: "No summary: the transcript is too short." })]);
    var list = el("ol", { "class": "summary-list" });
    // speaker names only when there are two or more: with one they tell the reader nothing
    var speakers = {}, named = 0;
    (result.sentences || []).forEach(function (s) {
      if (s.speaker && !speakers.hasOwnProperty(s.speaker)) { speakers[s.speaker] = true; named++; }
    });
    items.forEach(function (item) {
      var who = item.speaker && named > 1 ? el("span", { "class": "speaker", text: item.speaker + ":" }) : null;
      list.appendChild(el("li", null, [timeBadge(item.start), who, " ", el("span", { text: item.text })]));
    });
    return section("summary", "Summary", [list]);
  }

  // ---- key words and highlighting -----------------------------------------------------

  /** Non-overlapping highlight spans: earlier first, then longer, then the better keyword. */
  function highlightSpans(text, keywords) {
    var spans = [];
    (keywords || []).forEach(function (kw, k) {
      (kw.spans || []).forEach(function (span) {
        var start = span[0], end = span[1];
        if (start >= 0 && end > start && end <= text.length) spans.push({ start: start, end: end, k: k });
      });
    });
    spans.sort(function (a, b) { return a.start - b.start || (b.end - b.start) - (a.end - a.start) || a.k - b.k; });
    var out = [], last = 0;
    spans.forEach(function (s) { if (s.start >= last) { out.push(s); last = s.end; } });
    return out;
  }

  /** Character offset in `text` where each chapter starts (its first sentence). */
  function chapterOffsets(result) {
    var sentences = result.sentences || [];
    return (result.chapters || []).map(function (c, i) {
      var first = sentences[c.first_sentence];
      return { offset: first ? first.start_char : 0, index: i, chapter: c };
    });
  }

  /** The transcript with key phrases highlighted and, where each chapter starts, a marker
   *  that the chapter list jumps to (id `prefix + index`). */
  function renderTranscript(result, chapterPrefix) {
    var text = result.text || "";
    var keywords = result.keywords || [];
    var box = el("div", { "class": "transcript", tabindex: "0", role: "region", "aria-label": "Transcript with key phrases highlighted" });
    var marks = chapterPrefix && (result.chapters || []).length > 1 ? chapterOffsets(result) : [];
    var next = 0;
    function plain(from, to) {
      while (next < marks.length && marks[next].offset < to) {
        var at = Math.max(from, marks[next].offset);
        if (at > from) box.appendChild(document.createTextNode(text.slice(from, at)));
        box.appendChild(chapterMarker(marks[next], chapterPrefix));
        from = at;
        next += 1;
      }
      if (to > from) box.appendChild(document.createTextNode(text.slice(from, to)));
    }
    var pos = 0;
    highlightSpans(text, keywords).forEach(function (s) {
      plain(pos, s.start);
      box.appendChild(el("mark", { "class": "kw kw-" + (s.k % 8), "data-k": s.k, title: "key phrase: " + keywords[s.k].text, text: text.slice(s.start, s.end) }));
      pos = s.end;
    });
    plain(pos, text.length + 1);
    return box;
  }

  function chapterMarker(mark, prefix) {
    var c = mark.chapter;
    var label = (formatTime(c.start) ? formatTime(c.start) + " " : "") + c.title;
    return el("span", { "class": "chapter-mark", id: prefix + mark.index, tabindex: "-1", "data-chapter": mark.index, text: "\u00a7 " + label });
  }

  // ---- chapters -------------------------------------------------------------------------

  /** Chapter list with jump-to links into the transcript; the transcript is shown here when
   *  the key-words section (which holds it otherwise) is not. */
  function renderChapters(result, options) {
    var chapters = result.chapters || [];
    if (chapters.length < 2) {
      return section("chapters", "Chapters", [el("p", { text: chapters.length ? "One part: the transcript stays on one topic or is too short to divide." : "No chapters: the transcript has no clear parts." })]);
    }
    var prefix = options.chapterPrefix;
    var list = el("ol", { "class": "chapter-list" });
    chapters.forEach(function (c, i) {
      var link = el("a", { href: "#" + prefix + i, "class": "chapter-link" }, [timeBadge(c.start), el("span", { "class": "chapter-title", text: c.title })]);
      link.addEventListener("click", function (event) {
        var target = document.getElementById(prefix + i);
        if (!target) return;
        event.preventDefault();
        document.querySelectorAll(".chapter-mark.current").forEach(function (m) { m.classList.remove("current"); });
        target.classList.add("current");
        if (target.scrollIntoView) target.scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      });
      var words = (c.keywords || []).length ? el("span", { "class": "chapter-keywords", text: " \u2014 " + c.keywords.join(", ") }) : null;
      list.appendChild(el("li", null, [link, words]));
    });
    var body = [el("p", { "class": "hint", text: "Select a chapter to jump to it in the transcript." }), list];
    if (options.ownTranscript) body.push(el("h3", { text: "Transcript" }), renderTranscript(result, prefix));
    return section("chapters", "Chapters", body);
  }

  function renderKeywords(result, options) {
    var keywords = result.keywords || [];
    var list = el("ul", { "class": "keyword-list" });
    var transcript = renderTranscript(result, options.chapterPrefix);
    keywords.forEach(function (kw, k) {
      var forms = (kw.forms || []).filter(function (f) { return f !== kw.text; });
      var button = el("button", {
        type: "button", "class": "chip kw-" + (k % 8), "aria-pressed": "false",
        title: forms.length ? "also: " + forms.join(", ") : null
      }, [el("span", { text: kw.text }), el("span", { "class": "chip-meta", text: " \u00d7" + kw.count + ", score " + Number(kw.score).toFixed(2) })]);
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") !== "true";
        list.querySelectorAll("button[aria-pressed]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
        transcript.querySelectorAll("mark").forEach(function (m) { m.classList.toggle("focus", on && Number(m.getAttribute("data-k")) === k); });
        button.setAttribute("aria-pressed", on ? "true" : "false");
        var first = on && transcript.querySelector("mark.focus");
        if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
      });
      list.appendChild(el("li", null, [button]));
    });
    var body = keywords.length ? [el("p", { "class": "hint", text: "Select a key phrase to pick it out in the transcript." }), list] : [el("p", { text: "No key phrases found." })];
    body.push(el("h3", { text: "Transcript" }), transcript);
    return section("keywords", "Key words", body);
  }

  // ---- tone ---------------------------------------------------------------------------

  function toneChart(points, titleId) {
    var W = 640, H = 220, L = 46, R = 14, T = 14, B = 36;
    var pw = W - L - R, ph = H - T - B;
    var timed = points.length > 0 && points.every(function (p) { return p.start !== null && p.end !== null && p.start !== undefined && p.end !== undefined; });
    var xs = points.map(function (p, i) { return timed ? (p.start + p.end) / 2 : i; });
    var x0 = timed ? Math.min.apply(null, points.map(function (p) { return p.start; })) : 0;
    var x1 = timed ? Math.max.apply(null, points.map(function (p) { return p.end; })) : Math.max(1, points.length - 1);
    if (x1 <= x0) x1 = x0 + 1;
    function sx(x) { return L + (points.length === 1 && !timed ? pw / 2 : (x - x0) / (x1 - x0) * pw); }
    function sy(y) { return T + (1 - Math.max(-1, Math.min(1, y))) / 2 * ph; }

    var chart = svg("svg", { "class": "tone-chart", viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": titleId, preserveAspectRatio: "xMidYMid meet" });
    var summaryText = "Tone over the transcript, " + points.length + " point" + (points.length === 1 ? "" : "s") + ", from " +
      (points.length ? signed(Math.min.apply(null, points.map(function (p) { return p.score; }))) + " to " + signed(Math.max.apply(null, points.map(function (p) { return p.score; }))) : "none") +
      " on a scale from \u22121 (negative) to +1 (positive).";
    chart.appendChild(svg("title", { id: titleId, text: summaryText }));
    chart.appendChild(svg("rect", { x: L, y: T, width: pw, height: ph / 2, "class": "band-pos" }));
    chart.appendChild(svg("rect", { x: L, y: T + ph / 2, width: pw, height: ph / 2, "class": "band-neg" }));
    [-1, -0.5, 0, 0.5, 1].forEach(function (v) {
      chart.appendChild(svg("line", { x1: L, x2: L + pw, y1: sy(v), y2: sy(v), "class": v === 0 ? "axis-zero" : "grid" }));
      chart.appendChild(svg("text", { x: L - 6, y: sy(v) + 4, "text-anchor": "end", "class": "tick", text: v === 0 ? "0" : signed(v).replace(".00", "").replace("0.50", ".5") }));
    });
    // x ticks: 5 evenly spaced times; untimed, whole part numbers at a fixed step (1, 3,
    // 5, ... for 10 parts) placed exactly under their points, so the spacing is even
    var tickValues = [];
    if (timed) {
      for (var i = 0; i < 5; i++) tickValues.push(x0 + (x1 - x0) * i / 4);
    } else {
      var step = Math.max(1, Math.ceil((points.length - 1) / 5));
      for (var part = 0; part < points.length; part += step) tickValues.push(part);
    }
    tickValues.forEach(function (xv) {
      var label = timed ? formatTime(xv) : String(xv + 1);
      chart.appendChild(svg("text", { x: sx(xv), y: T + ph + 16, "text-anchor": "middle", "class": "tick", text: label }));
    });
    chart.appendChild(svg("text", { x: L + pw / 2, y: H - 4, "text-anchor": "middle", "class": "axis-label", text: timed ? "time (m:ss)" : "part of the transcript" }));
    if (points.length) {
      var d = points.map(function (p, i) { return (i ? "L" : "M") + sx(xs[i]).toFixed(1) + " " + sy(p.score).toFixed(1); }).join(" ");
      chart.appendChild(svg("path", { d: d, "class": "tone-line" }));
      points.forEach(function (p, i) {
        var when = timed ? formatTime(p.start) + "\u2013" + formatTime(p.end) : "part " + (i + 1);
        chart.appendChild(svg("circle", { cx: sx(xs[i]).toFixed(1), cy: sy(p.score).toFixed(1), r: 4, "class": p.score > 0.05 ? "pt-pos" : p.score < -0.05 ? "pt-neg" : "pt-neu" },
          [svg("title", { text: when + ": " + signed(p.score) })]));
      });
    }
    return { chart: chart, timed: timed };
  }

  function renderTone(result) {
    var s = result.sentiment || {};
    var points = s.timeline || [];
    var body = [
      el("p", { "class": "tone-label" }, [
        el("strong", { "class": "tone-" + (s.label || "neutral"), text: (s.label || "neutral") }),
        " (score " + signed(s.score || 0) + "): " + percent(s.positive || 0) + " of sentences positive, " +
          percent(s.neutral || 0) + " neutral, " + percent(s.negative || 0) + " negative."
      ])
    ];
    var drawn = toneChart(points, "tone-title-" + (++uid));
    body.push(el("figure", { "class": "chart" }, [drawn.chart, el("figcaption", { text: "Tone over time: mean sentence score per window, from \u22121 (negative) to +1 (positive)." })]));
    var table = el("table", { "class": "tone-table" }, [
      el("caption", { text: "Tone timeline as a table" }),
      el("thead", null, el("tr", null, [el("th", { scope: "col", text: drawn.timed ? "Time" : "Part" }), el("th", { scope: "col", text: "Sentences" }), el("th", { scope: "col", text: "Score" })]))
    ]);
    var tbody = el("tbody");
    points.forEach(function (p, i) {
      tbody.appendChild(el("tr", null, [
        el("td", { text: drawn.timed ? formatTime(p.start) + "\u2013" + formatTime(p.end) : String(i + 1) }),
        el("td", { text: (p.first_sentence + 1) + "\u2013" + (p.last_sentence + 1) }),
        el("td", { text: signed(p.score) })
      ]));
    });
    table.appendChild(tbody);
    body.push(el("details", { "class": "tone-details" }, [el("summary", { text: "Show the numbers" }), table]));
    var moments = [];
    if (s.most_positive) moments.push(["Most positive", s.most_positive]);
    if (s.most_negative) moments.push(["Most negative", s.most_negative]);
    if (moments.length) {
      var dl = el("dl", { "class": "moments" });
      moments.forEach(function (m) {
        dl.appendChild(el("dt", { text: m[0] + " (" + signed(m[1].score) + ")" }));
        dl.appendChild(el("dd", null, [timeBadge(m[1].start), " ", el("q", { text: m[1].text })]));
      });
      body.push(dl);
    }
    var speakers = Object.keys(s.by_speaker || {}).sort();
    if (speakers.length) {
      var ul = el("ul", { "class": "speakers", "aria-label": "Tone by speaker" });
      speakers.forEach(function (name) { ul.appendChild(el("li", { text: name + ": " + signed(s.by_speaker[name]) })); });
      body.push(el("h3", { text: "By speaker" }), ul);
    }
    return section("tone", "Tone", body);
  }

  // ---- quiz ---------------------------------------------------------------------------

  function renderQuiz(result) {
    var items = result.quiz || [];
    if (!items.length) return section("quiz", "Quiz", [el("p", { text: "No quiz questions could be made from this transcript." })]);
    var answered = 0, correct = 0;
    var score = el("p", { "class": "score", role: "status", "aria-live": "polite" });
    var form = el("div", { "class": "quiz" });
    var retry = el("button", { type: "button", "class": "retry", hidden: true, text: "Try the quiz again" });

    function updateScore() {
      if (answered === items.length) {
        score.textContent = "Your score: " + correct + " of " + items.length + " correct.";
        retry.hidden = false;
      } else {
        score.textContent = answered ? "Answered " + answered + " of " + items.length + "." : "";
      }
    }

    items.forEach(function (item, qi) {
      var name = "q" + (++uid);
      var legendId = name + "-legend";
      var fieldset = el("fieldset", { "class": "question", "data-question": qi, "aria-describedby": name + "-fb" });
      var kind = item.type === "true_false" ? "True or false" : "Fill in the blank";
      fieldset.appendChild(el("legend", { id: legendId }, [el("span", { "class": "qnum", text: "Question " + (qi + 1) + " of " + items.length + " \u00b7 " + kind + ": " }), el("span", { "class": "qtext", text: item.question })]));
      var options = el("div", { "class": "options" });
      (item.options || []).forEach(function (option, oi) {
        var id = name + "-o" + oi;
        options.appendChild(el("div", { "class": "option" }, [
          el("input", { type: "radio", name: name, id: id, value: option }),
          el("label", { "for": id, text: option })
        ]));
      });
      fieldset.appendChild(options);
      var check = el("button", { type: "button", "class": "check", text: "Check answer" });
      var feedback = el("div", { "class": "feedback", id: name + "-fb", role: "status", "aria-live": "polite" });
      check.addEventListener("click", function () {
        var chosen = fieldset.querySelector("input:checked");
        if (!chosen) { feedback.textContent = "Choose an answer first."; feedback.className = "feedback"; return; }
        var ok = chosen.value === item.answer;
        answered += 1; if (ok) correct += 1;
        fieldset.querySelectorAll("input").forEach(function (input) {
          input.disabled = true;
          var wrap = input.parentNode;
          if (input.value === item.answer) wrap.classList.add("is-answer");
          else if (input === chosen) wrap.classList.add("is-wrong");
        });
        check.disabled = true;
        feedback.className = "feedback " + (ok ? "ok" : "wrong");
        feedback.textContent = "";
        var source = [el("strong", { text: ok ? "Correct." : "Not quite: the answer is \u201c" + item.answer + "\u201d." })];
        if (item.explanation) {
          var when = formatTime(item.start);
          source.push(el("span", { "class": "source" }, [" From the transcript" + (when ? " at " + when : "") + ": ", el("q", { text: item.explanation })]));
        }
        append(feedback, source);
        updateScore();
      });
      fieldset.appendChild(check);
      fieldset.appendChild(feedback);
      form.appendChild(fieldset);
    });
    retry.addEventListener("click", function () {
      var fresh = renderQuiz(result);
      var old = retry.closest("section");
      old.parentNode.replaceChild(fresh, old);
      var first = fresh.querySelector("input");
      if (first) first.focus();
    });
    return section("quiz", "Quiz", [form, score, retry]);
  }

  var RENDER = { title: renderTitle, chapters: renderChapters, summary: renderSummary, keywords: renderKeywords, tone: renderTone, quiz: renderQuiz };

  /** Replace the contents of `container` with the named sections (default: all). */
  function render(container, result, sections) {
    sections = sections && sections.length ? sections : SECTIONS;
    while (container.firstChild) container.removeChild(container.firstChild);
    // one transcript per page: in the key-words section, else in the chapters section
    var options = { chapterPrefix: "chapter-" + (++uid) + "-", ownTranscript: sections.indexOf("keywords") < 0 };
    SECTIONS.forEach(function (name) {
      if (sections.indexOf(name) >= 0) container.appendChild(RENDER[name](result, options));
    });
    var warnings = (result.meta && result.meta.warnings) || [];
    if (warnings.length) {
      var ul = el("ul");
      warnings.forEach(function (w) { ul.appendChild(el("li", { text: w })); });
      container.appendChild(el("aside", { "class": "warnings", "aria-label": "Warnings" }, [el("h2", { text: "Notes on the input" }), ul]));
    }
  }

  global.TranscriptReport = { render: render, sections: SECTIONS, formatTime: formatTime, highlightSpans: highlightSpans };
})(typeof window !== "undefined" ? window : this);
