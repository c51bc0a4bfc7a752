// The personal link is /svara/#<code>. The code after # is never sent to the server,
// so no web server or proxy log keeps it. This script moves it into the form, removes
// it from the address bar and the browser's session history, and posts the form.
// Without JavaScript the respondent pastes the code from the e-mail and presses the
// button.
(function () {
  "use strict";
  var code = window.location.hash.replace(/^#/, "");
  if (!code) { return; }
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  function submit() {
    var form = document.getElementById("answer-start");
    if (!form) { return; }
    var field = form.querySelector("input[name=code]");
    if (!field) { return; }
    try {
      field.value = decodeURIComponent(code);
    } catch (error) {
      field.value = code;
    }
    form.submit();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", submit);
  } else {
    submit();
  }
})();
