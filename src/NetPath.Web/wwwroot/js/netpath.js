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
