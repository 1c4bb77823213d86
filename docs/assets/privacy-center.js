// Privacy center: the only script of our own. It shows the "print / save as PDF" button and makes it print.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
