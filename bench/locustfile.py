"""The office's day as 50 users make it (bench/load.py starts this with their sessions and units).

30 managers read dashboards and their tables, 15 district staff list and search participants,
5 enter new people and further payments; each waits 0.5–1.5 s between pages. Every response carries
`Server-Timing: cpu;dur=…` (SERVER_TIMING=True), which is summed per page type into bench/results.
"""

import json
import os
import random
import re
from collections import defaultdict

from locust import HttpUser, between, events, task

CONFIG = json.loads(os.environ["BENCH_LOAD_CONFIG"])
CPU_MS = defaultdict(float)
CPU_COUNT = defaultdict(int)
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
CPU = re.compile(r"cpu;dur=([0-9.]+)")
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Bùi Thị Hoa"]
SEARCH_WORDS = ["nguyen", "Trần", "le van", "Phạm Thị", "hoa", "an"]


@events.request.add_listener
def count_cpu(request_type, name, response, exception, **kwargs):
    if response is not None and exception is None:
        match = CPU.search(response.headers.get("Server-Timing", ""))
        if match:
            CPU_MS[name] += float(match.group(1))
            CPU_COUNT[name] += 1


@events.quitting.add_listener
def write_cpu(environment, **kwargs):
    with open(os.environ["BENCH_LOAD_CPU_FILE"], "w") as out:
        json.dump({name: {"ms": CPU_MS[name], "requests": CPU_COUNT[name]} for name in CPU_MS}, out)


class Office(HttpUser):
    abstract = True
    wait_time = between(0.5, 1.5)
    role = None

    def on_start(self):
        self.session = random.choice(CONFIG["sessions"][self.role])
        self.client.cookies.set("sessionid", self.session["id"])

    def page(self, path, name, **params):
        with self.client.get(path, params=params, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    def post_form(self, path, name, data):
        form = self.client.get(path, name=f"{name} (form)")
        if form.status_code != 200:
            return
        hidden = dict(HIDDEN.findall(form.text))
        with self.client.post(path, data={**hidden, **data}, name=name, catch_response=True,
                              headers={"Referer": self.host + path}, allow_redirects=False) as response:
            if response.status_code not in (200, 302):
                response.failure(f"HTTP {response.status_code}")
            elif response.status_code == 200 and "errorlist" in response.text:
                response.failure("the form was refused: " + "; ".join(re.findall(r"<li>([^<]+)</li>", response.text)[:3]))


class Manager(Office):
    weight = 30
    role = "manager"

    @task(4)
    def dashboard(self):
        unit = random.choice(self.session["units"])
        self.page("/dashboards/country/" if unit is None else f"/dashboards/{unit}/", "dashboard")

    @task(1)
    def dashboard_table(self):
        unit = random.choice([u for u in self.session["units"] if u is not None])
        self.page(f"/dashboards/{unit}/tables/", "dashboard table", view=random.choice(["children", "month"]))


class DistrictStaff(Office):
    weight = 15
    role = "district"

    @task(3)
    def participant_list(self):
        params = random.choice([{}, {"page": random.randint(2, 20)}, {"commune": random.choice(CONFIG["communes"])},
                                {"target_group": "farmer"}])
        self.page("/participants/", "participant list", **params)

    @task(2)
    def search(self):
        self.page("/participants/", "participant search", q=random.choice(SEARCH_WORDS))


class Entry(Office):
    weight = 5
    role = "district"

    @task(2)
    def new_participant(self):
        self.post_form("/participants/new/", "entry", {
            "personal_id": f"079075{random.randint(0, 999999):06d}",
            "full_name": random.choice(NAMES), "birth_date": f"{random.randint(1, 28):02d}/0{random.randint(1, 9)}/1975",
            "sex": "male", "commune": random.choice(CONFIG["communes"]), "target_group": "farmer",
            "support_category": "other", "paid_on": CONFIG["today"], "method": "monthly",
            "monthly_income": "1.500.000"})

    @task(1)
    def payment(self):
        participant = random.choice(CONFIG["participants"])
        self.post_form(f"/participants/{participant}/payments/new/", "payment", {
            "paid_on": CONFIG["today"], "method": "monthly", "monthly_income": "1.500.000"})
