// Report downloads with a progress message. Without JavaScript the links work as plain
// downloads; with it, the file is fetched while a status message says it is being made.
(function () {
  "use strict";
  function filenameOf(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : fallback;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-report-download]") : null;
    if (!link || !window.fetch || !window.URL || !URL.createObjectURL) { return; }
    event.preventDefault();
    var status = document.getElementById("report-download-status");
    if (link.getAttribute("aria-disabled") === "true") { return; }
    link.setAttribute("aria-disabled", "true");
    if (status) { status.textContent = link.dataset.busy; }
    fetch(link.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var anchor = document.createElement("a");
          anchor.href = url;
          anchor.download = filenameOf(response, "arsrapport");
          document.body.appendChild(anchor);
          anchor.click();
          anchor.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
          if (status) { status.textContent = link.dataset.done; }
        });
      })
      .catch(function () {
        if (status) { status.textContent = link.dataset.failed; }
      })
      .finally(function () { link.removeAttribute("aria-disabled"); });
  });
})();
