"""The permission matrix: every URL pattern × anonymous and every role × GET and POST × the object of each place
(own, a competitor's, another district's, another province's), exports and JSON included. It fails on a 500, on
a read or write the policy (tests/access_policy.py) does not allow, on an allowed page that does not open, and on
any response that holds the name of something the role may not see. A URL without a policy entry fails too."""

import io
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from tests.access_policy import POLICY, TAG_FAMILIES
from tests.access_world import ACTORS, build_world

pytestmark = pytest.mark.django_db

REFUSED = {403, 404, 405}
TAG = re.compile(r"(QQ|UU|OO|HH)(OWN|ORG|DIST|PROV)")
PLACE_OF = {"OWN": "own", "ORG": "org", "DIST": "dist", "PROV": "prov"}


def url_names(resolver=None, namespace=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_names(pattern, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and namespace != "admin":
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_a_policy_entry():
    assert sorted(set(url_names()) - set(POLICY)) == []
    assert sorted(set(POLICY) - set(url_names())) == []  # nor an entry for a URL that is gone


def text_of(response):
    content = response.content
    if content[:2] == b"PK":  # an XLSX
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(str(v) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                        for v in row if v is not None)
    return content.decode("utf-8", "replace")


def leaks(actor, text):
    found = set()
    for family, place in TAG.findall(text):
        if PLACE_OF[place] not in TAG_FAMILIES[family].get(actor, set()):
            found.add(family + place)
    return sorted(found)


def targets(rule, world):
    """(place, url) for the URL: one per place of its object kind, or one for a URL about no object."""
    extra = dict(rule.extra)
    if not rule.kind:
        return [(None, extra)]
    return [(place, {**extra, rule.arg: obj.pk}) for place, obj in world.objects[rule.kind].items()]


def allowed(rule, roles, actor, place):
    return actor in roles and (place is None or place in rule.sees.get(actor, set()))


def still_there(obj):
    return obj is not None and type(obj).objects.filter(pk=obj.pk).exists()


def check(rule, name, actor, method, place, url, response, may, obj=None):
    status = response.status_code
    where = f"{method} {url} as {actor}"
    if status >= 500:
        return [f"{where}: {status}"]
    if rule.public:
        return []
    if actor == "anonymous":
        login = status == 302 and response["Location"].startswith("/accounts/login/")
        return [] if login or status in REFUSED else [f"{where}: {status} for anonymous"]
    if not may:
        if status in REFUSED or (method == "POST" and rule.refuses_by_redirect and status == 302 and still_there(obj)):
            return []
        return [f"{where}: {status}, refusal expected ({place or 'no object'})"]
    if method == "GET" and status not in rule.get_ok:
        return [f"{where}: {status}, expected {sorted(rule.get_ok)}"]
    return []


def test_every_url_follows_the_access_policy(caplog):
    caplog.set_level("CRITICAL", logger="django.request")  # thousands of expected refusals
    world = build_world()
    clients = {actor: Client() for actor in ACTORS}  # each logged in once
    for actor, client in clients.items():
        if world.users[actor] is not None:
            client.force_login(world.users[actor])
    problems, requests = [], 0
    for post_pass in (False, True):  # every read first: allowed writes may change what later reads find
        for name, rule in POLICY.items():
            if post_pass and (rule.public or not (rule.post or not rule.get)):
                continue  # a page that only reads (a POST reads it too), or logout, which would end the session
            for place, kwargs in targets(rule, world):
                path = reverse(name, kwargs=kwargs)
                # Those refused first: one allowed to write (delete, say) goes after them.
                for actor in sorted(ACTORS, key=lambda a: post_pass and allowed(rule, rule.post, a, place)):
                    user, client = world.users[actor], clients[actor]
                    if post_pass:
                        response = client.post(path, {})
                        requests += 1
                        problems += check(rule, name, actor, "POST", place, path, response,
                                          allowed(rule, rule.post, actor, place), world.of(rule.kind, place))
                        continue
                    for variant in rule.variants if user is not None else rule.variants[:1]:
                        response = client.get(path + variant)
                        requests += 1
                        url = path + variant
                        problems += check(rule, name, actor, "GET", place, url, response,
                                          allowed(rule, rule.get, actor, place))
                        if response.status_code == 200 and actor != "anonymous":
                            problems += [f"GET {url} as {actor}: shows {tag}" for tag in leaks(actor, text_of(response))]
    assert requests > 1500
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:80])
