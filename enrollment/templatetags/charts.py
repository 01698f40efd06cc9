from django import template
from django.utils.html import json_script
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


def mode_bar_words():
    """plotly.js's own words (its English is the key) in the page's language."""
    words = ("Download plot as a PNG", "Download plot", "Zoom", "Pan", "Box Select", "Lasso Select", "Zoom in",
             "Zoom out", "Autoscale", "Reset axes", "Reset view", "Toggle Spike Lines", "Show closest data on hover",
             "Compare data on hover", "Toggle show closest data on hover", "Double-click to zoom back out",
             "Preparing image - this may take a few seconds", "Image download succeeded",
             "Sorry, there was a problem downloading your image!", "Produced with Plotly.js")
    return {word: _(word) for word in words}


@register.simple_tag
def plotly_locale():
    """The chart locale of the page as JSON, read by static/js/plotly-setup.js (no inline script)."""
    language = (get_language() or "vi").split("-")[0]
    dictionary = mode_bar_words() if language != "en" else {}
    return json_script({"name": language, "dictionary": dictionary}, "plotly-locale")
