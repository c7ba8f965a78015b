// The back-office's few behaviours, in plain JavaScript: every page works without it, this only makes it quicker.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
    // The phone menu: the navigation folds behind a button that says whether it is open.
    const menuButton = document.querySelector("[data-menu-toggle]");
    const nav = menuButton && document.getElementById(menuButton.getAttribute("aria-controls"));
    if (menuButton && nav) {
        menuButton.addEventListener("click", () => {
            const open = menuButton.getAttribute("aria-expanded") !== "true";
            menuButton.setAttribute("aria-expanded", String(open));
            nav.classList.toggle("is-open", open);
        });
    }

    // A confirmation the server rendered in the page becomes a modal dialog: nothing else can be clicked until
    // it is confirmed or dismissed, and Escape does what "Go back" does.
    const confirmation = document.querySelector("dialog[data-confirm]");
    if (confirmation && confirmation.open && typeof confirmation.showModal === "function") {
        confirmation.close();
        confirmation.showModal();
        confirmation.addEventListener("cancel", event => {
            event.preventDefault();
            confirmation.querySelector("[data-go-back]")?.click();
        });
    }

    setUpQueueShortcuts();
});

function setUpQueueShortcuts() {
    const rows = Array.from(document.querySelectorAll("tr[data-row]"));
    const help = document.getElementById("shortcuts-help");
    if (!help) {
        return;
    }

    let current = -1;
    const select = index => {
        if (rows.length === 0) {
            return;
        }

        current = Math.max(0, Math.min(rows.length - 1, index));
        rows.forEach((row, i) => {
            row.classList.toggle("is-current", i === current);
            if (i === current) {
                row.setAttribute("aria-current", "true");
            } else {
                row.removeAttribute("aria-current");
            }
        });
        rows[current].querySelector("a").focus();
    };

    document.querySelector("[data-show-shortcuts]")?.addEventListener("click", () => help.showModal());
    document.addEventListener("keydown", event => {
        const typing = event.target.closest("input, select, textarea, [contenteditable]");
        if (typing || event.ctrlKey || event.metaKey || event.altKey || help.open) {
            return;
        }

        if (event.key === "j") {
            select(current + 1);
        } else if (event.key === "k") {
            select(current < 0 ? 0 : current - 1);
        } else if (event.key === "Enter" && current >= 0 && !event.target.closest("a, button")) {
            rows[current].querySelector("a").click();
        } else if (event.key === "?") {
            help.showModal();
        } else {
            return;
        }

        event.preventDefault();
    });
}
