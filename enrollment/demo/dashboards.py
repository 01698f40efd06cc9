"""Demo: the managers have mail addresses, so the daily digest reaches them (printed by the console backend)."""

from enrollment.demo.seeding import demo_seeder
from enrollment.shared.models.users import User

DIGEST_READERS = ("tinh82", "chogao", "tinh01")


@demo_seeder(90)
def seed_digest_readers(context):
    for user in User.objects.filter(username__in=DIGEST_READERS, email=""):
        user.email = f"{user.username}@bhxh-demo.vn"
        user.save(update_fields=["email"])
    context.lines.append("Bản tin tiến độ hằng ngày: python manage.py send_digest (in thư ra màn hình)")
