"""Demo data: every app adds its part in `<app>/demo.py`; `seed_demo` runs them in order."""

from dataclasses import dataclass, field

DEMO_PASSWORD = "demo12345"
DEMO_PROVINCE_CODE = "82"  # Đồng Tháp, which absorbed Tiền Giang in 2025
DEMO_DISTRICT_CODE = "822"  # BHXH cơ sở huyện Chợ Gạo
SEEDERS = []


@dataclass
class DemoContext:
    logins: list = field(default_factory=list)
    lines: list = field(default_factory=list)


def demo_seeder(order):
    def register(func):
        SEEDERS.append((order, func))
        return func

    return register


def demo_seed():
    from django.utils.module_loading import autodiscover_modules

    from enrollment.progress.services.engine import progress_changes_paused

    autodiscover_modules("demo")
    context = DemoContext()
    # The progress seeder recomputes everything at the end; no recompute per seeded payment.
    with progress_changes_paused():
        for _order, seeder in sorted(SEEDERS, key=lambda item: item[0]):
            seeder(context)
    return context
