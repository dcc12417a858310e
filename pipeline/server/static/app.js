/* The web page: collects the transcript, calls the API, renders with report.js. */
(function () {
  "use strict";

  var form = document.getElementById("input-form");
  var textarea = document.getElementById("transcript");
  var fileInput = document.getElementById("file");
  var formatSelect = document.getElementById("format");
  var statusBox = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var results = document.getElementById("results");
  var buttons = Array.prototype.slice.call(form.querySelectorAll("button[data-sections]"));
  var cache = { key: null, result: null };

  function overrides() {
    var out = {};
    form.querySelectorAll("input[data-key]").forEach(function (input) {
      if (input.value.trim() !== "") out[input.getAttribute("data-key")] = Number(input.value);
    });
    return out;
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    statusBox.textContent = "";
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = "";
  }

  function describe(payload, status) {
    if (!payload || payload.detail === undefined) return "The server answered with status " + status + ".";
    if (typeof payload.detail === "string") return payload.detail;
    return payload.detail.map(function (d) {
      var where = (d.loc || []).filter(function (p) { return p !== "body"; }).join(".");
      return (where ? where + ": " : "") + d.msg;
    }).join(" ");
  }

  function request() {
    var opts = overrides();
    var fmt = formatSelect.value || null;
    var file = fileInput.files && fileInput.files[0];
    if (file) {
      var data = new FormData();
      data.append("file", file, file.name);
      if (fmt) data.append("format", fmt);
      if (Object.keys(opts).length) data.append("overrides", JSON.stringify(opts));
      return { key: "file:" + file.name + ":" + file.size + ":" + file.lastModified + ":" + fmt + ":" + JSON.stringify(opts), url: "/v1/analyze/upload", init: { method: "POST", body: data } };
    }
    var text = textarea.value;
    var body = { text: text, overrides: opts };
    if (fmt) body.format = fmt;
    return { key: "text:" + fmt + ":" + JSON.stringify(opts) + ":" + text, url: "/v1/analyze", init: { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) } };
  }

  function setBusy(busy) {
    buttons.forEach(function (b) { b.disabled = busy; });
    form.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function generate(sections) {
    clearError();
    var file = fileInput.files && fileInput.files[0];
    if (!file && textarea.value.trim() === "") {
      showError("Paste a transcript or choose a file first.");
      textarea.focus();
      return;
    }
    var req = request();
    var done = function (result) {
      TranscriptReport.render(results, result, sections);
      statusBox.textContent = "Done: " + sections.length + (sections.length === 1 ? " section" : " sections") + " shown below.";
      results.focus();
    };
    if (cache.key === req.key && cache.result) { done(cache.result); return; }
    setBusy(true);
    statusBox.textContent = "Analysing\u2026";
    fetch(req.url, req.init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (payload) {
        if (!response.ok) throw new Error(describe(payload, response.status));
        cache = { key: req.key, result: payload };
        done(payload);
      });
    }).catch(function (err) {
      showError("Could not analyse the transcript: " + (err && err.message ? err.message : String(err)));
    }).then(function () { setBusy(false); });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      generate(button.getAttribute("data-sections").split(","));
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    generate(TranscriptReport.sections);
  });

  // A pasted text and a chosen file are alternatives: typing clears the file.
  textarea.addEventListener("input", function () { if (fileInput.value) fileInput.value = ""; });
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (file) statusBox.textContent = "Selected " + file.name + "; it will be analysed instead of the text box.";
  });

  document.getElementById("load-sample").addEventListener("click", function () {
    clearError();
    fetch("/v1/sample").then(function (response) {
      if (!response.ok) throw new Error("no sample transcript is installed");
      var fmt = response.headers.get("X-Transcript-Format") || "";
      return response.text().then(function (text) {
        fileInput.value = "";
        textarea.value = text;
        formatSelect.value = fmt;
        statusBox.textContent = "Sample talk loaded.";
        textarea.focus();
      });
    }).catch(function (err) { showError("Could not load the sample: " + err.message); });
  });
})();
