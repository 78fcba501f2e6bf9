// "In văn bản": prints the page; print.css lays it out as the signed original.
// Listening on the document keeps it working when the theme swaps pages in place.
document.addEventListener("click", function (event) {
  if (event.target instanceof Element && event.target.closest("[data-vb-in]")) {
    window.print();
  }
});
