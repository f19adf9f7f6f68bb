// Small helpers the pages call through JS interop; no inline script (the CSP forbids it).
window.netpath = {
    focus: function (id) {
        var el = document.getElementById(id);
        if (!el) return false;
        var details = el.closest("details");
        if (details) details.open = true;
        el.scrollIntoView({ block: "center" });
        el.focus();
        return true;
    },
    print: function () { window.print(); }
};

// Paper has no "open": every rationale and evidence list is opened for printing and closed again after.
(function () {
    var opened = [];
    window.addEventListener("beforeprint", function () {
        opened = [...document.querySelectorAll("details:not([open])")];
        opened.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (d) { d.open = false; });
        opened = [];
    });
})();
