// Privacy center: the only script of our own. It shows the "print / save as PDF" button and makes it print.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
// When a page is printed, its first block says on which day (the printed copy is a snapshot of the notice).
window.addEventListener("beforeprint", function () {
  var lang = document.documentElement.lang || undefined;
  var today = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
  document.querySelectorAll("[data-print-date]").forEach(function (element) {
    if (element.tagName === "DD") { element.textContent = today; }
    element.hidden = false;
  });
});
