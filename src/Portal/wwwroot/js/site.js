// The phone layout folds the navigation behind a Menu button; the button says whether it is open.
(function () {
    "use strict";
    document.querySelectorAll("button[aria-controls].menu-button").forEach(function (button) {
        var menu = document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) {
            return;
        }

        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") !== "true";
            button.setAttribute("aria-expanded", String(open));
            menu.classList.toggle("is-open", open);
        });

        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                button.setAttribute("aria-expanded", "false");
                menu.classList.remove("is-open");
                button.focus();
            }
        });
    });
})();
