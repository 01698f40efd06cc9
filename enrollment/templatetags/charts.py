from django import template
from django.utils.html import json_script
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def mode_bar_words():
    """plotly.js's own words (its English is the key) in the page's language; written out so that
    makemessages finds them."""
    return {
        "Download plot as a PNG": _("Download plot as a PNG"),
        "Download plot": _("Download plot"),
        "Zoom": _("Zoom"),
        "Pan": _("Pan"),
        "Box Select": _("Box Select"),
        "Lasso Select": _("Lasso Select"),
        "Zoom in": _("Zoom in"),
        "Zoom out": _("Zoom out"),
        "Autoscale": _("Autoscale"),
        "Reset axes": _("Reset axes"),
        "Reset view": _("Reset view"),
        "Toggle Spike Lines": _("Toggle Spike Lines"),
        "Show closest data on hover": _("Show closest data on hover"),
        "Compare data on hover": _("Compare data on hover"),
        "Toggle show closest data on hover": _("Toggle show closest data on hover"),
        "Double-click to zoom back out": _("Double-click to zoom back out"),
        "Preparing image - this may take a few seconds": _("Preparing image - this may take a few seconds"),
        "Image download succeeded": _("Image download succeeded"),
        "Sorry, there was a problem downloading your image!": _("Sorry, there was a problem downloading your image!"),
        "Produced with Plotly.js": _("Produced with Plotly.js"),
    }


@register.simple_tag
def plotly_locale():
    """The chart locale of the page as JSON, read by static/js/plotly-setup.js (no inline script)."""
    language = (get_language() or "vi").split("-")[0]
    dictionary = mode_bar_words() if language != "en" else {}
    return json_script({"name": language, "dictionary": dictionary}, "plotly-locale")
