import datetime

from django_celery_beat.models import PeriodicTask

from enrollment.models import Role
from enrollment.progress.tasks import send_daily_digest
from tests.progress_factories import full_board, snapshot

DAY = datetime.date(2026, 11, 30)


def test_each_provincial_and_district_manager_gets_their_own_area(make_user, tree, mailoutbox, eager_tasks):
    full_board(tree.province, DAY, children=[])
    snapshot(tree.district, DAY, 130, 232, 232, 200)  # behind its phased plan
    snapshot(tree.other_district, DAY, 300, 250, 250, 240)  # ahead
    full_board(tree.district, DAY, actual=130, plan_initial=232, plan_in_force=232, phased=200, children=[tree.commune])
    full_board(tree.other_province, DAY, actual=48_674, children=[])
    make_user(Role.PROVINCIAL_MANAGER, tree.province, email="tinh@bhxh.vn", full_name="Nguyễn Văn An")
    make_user(Role.DISTRICT_STAFF, tree.district, email="chogao@bhxh.vn")
    make_user(Role.PROVINCIAL_MANAGER, tree.other_province, email="hanoi@bhxh.vn")
    make_user(Role.AGENT_STAFF, tree.commune, email="daily@bhxh.vn")
    make_user(Role.VIEWER, tree.district, email="xem@bhxh.vn")
    make_user(Role.DISTRICT_STAFF, tree.commune, email="xa@bhxh.vn")  # not a district office
    make_user(Role.PROVINCIAL_MANAGER, tree.province, email="")

    assert send_daily_digest.delay("2026-11-30").get() == 3

    mails = {mail.to[0]: mail for mail in mailoutbox}
    assert set(mails) == {"tinh@bhxh.vn", "chogao@bhxh.vn", "hanoi@bhxh.vn"}
    province = mails["tinh@bhxh.vn"]
    assert province.subject == "Tiến độ phát triển người tham gia ngày 30/11/2026: Tỉnh Đồng Tháp"
    assert "Kính gửi Nguyễn Văn An," in province.body
    assert "Người tham gia BHXH tự nguyện: 18.816; đạt 113,0% kế hoạch giao đầu năm; đạt 107,0% kế hoạch hiện hành" \
        in province.body
    assert "vượt 816" in province.body
    assert "1 đơn vị trực thuộc chậm so với kế hoạch phân kỳ:" in province.body
    assert "BHXH cơ sở huyện Chợ Gạo: 130 / 200 (65,0%), còn thiếu 70" in province.body
    assert "Mỹ Tho" not in province.body
    html, mimetype = province.alternatives[0]
    assert mimetype == "text/html" and "<td>BHXH cơ sở huyện Chợ Gạo</td>" in html and "18.816" in html
    assert "Vượt 816" in html and "Thiếu 70" in html and "−816" not in html
    assert "Hà Nội" not in province.body and "48.674" in mails["hanoi@bhxh.vn"].body
    assert "Xã Chợ Gạo" in mails["chogao@bhxh.vn"].body
    assert f"/dashboards/{tree.district.pk}/" in mails["chogao@bhxh.vn"].body


def test_nobody_is_mailed_before_anything_was_computed(make_user, tree, mailoutbox):
    make_user(Role.PROVINCIAL_MANAGER, tree.province, email="tinh@bhxh.vn")
    assert send_daily_digest("2026-11-30") == 0
    assert mailoutbox == []


def test_its_schedule_is_editable_and_runs_again_at_midday_in_december(db):
    schedules = {task.name: task for task in PeriodicTask.objects.filter(task="enrollment.tasks.send_daily_digest")}
    assert len(schedules) == 2
    daily, december = sorted(schedules.values(), key=lambda task: int(task.crontab.hour))
    assert (daily.crontab.hour, daily.crontab.month_of_year, daily.enabled) == ("7", "*", True)
    assert (december.crontab.hour, december.crontab.month_of_year, december.enabled) == ("12", "12", True)
    assert str(daily.crontab.timezone) == "Asia/Ho_Chi_Minh"
