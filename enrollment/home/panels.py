"""Other apps add to the home page without enrollment importing them (agents register in their ready()).

A panel provider is `provider(user, today)` returning None or a `Panel`; a landing provider is
`provider(user)` returning the URL a user should land on instead of the home page, or None.
"""

from dataclasses import dataclass, field

_panels = []
_landings = []


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def register_home_panel(provider):
    if provider not in _panels:
        _panels.append(provider)
    return provider


def register_landing(provider):
    if provider not in _landings:
        _landings.append(provider)
    return provider


def panels_for(user, today):
    found = [panel for panel in (provider(user, today) for provider in _panels) if panel is not None]
    return sorted(found, key=lambda panel: panel.order)


def landing_for(user):
    for provider in _landings:
        url = provider(user)
        if url:
            return url
    return None
