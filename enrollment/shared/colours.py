"""The colours of figures, defined once: charts (server-side figures and static/js) and the
stylesheet's status classes use these values (static/css/app.css repeats them as variables)."""

ACTUAL = "#0b5394"  # what was achieved, on every chart and legend
PHASED_PLAN = "#e69138"
PLAN = "#5f6b7a"  # the plan in force, the initial plan, and anything without a status
LIGHT = "#9fc5e8"  # a second series beside the actual (active participants beside new ones)

GREEN, AMBER, RED, GREY = "#1e7b34", "#b26a00", "#b3261e", "#8a94a3"
STANDING = {"green": GREEN, "amber": AMBER, "red": RED, "none": GREY}

# Renewals of a month, stacked: the order they are drawn in, left to right.
RENEWAL_PARTS = {"paid": GREEN, "promised": LIGHT, "lapsed": RED, "unpaid": AMBER}
