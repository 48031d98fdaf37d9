// Progressive enhancement only: every page works without this file.
// Marks the navigation link of the page shown, also after htmx swapped the body in.
function markCurrentPage() {
    document.querySelectorAll("nav a").forEach(function (link) {
        if (window.location.pathname.indexOf(link.getAttribute("href")) === 0) {
            link.setAttribute("aria-current", "page");
        } else {
            link.removeAttribute("aria-current");
        }
    });
}
document.addEventListener("DOMContentLoaded", markCurrentPage);
document.addEventListener("htmx:afterSettle", markCurrentPage);
