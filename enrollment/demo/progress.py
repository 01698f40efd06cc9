"""Progress snapshots of the demo: computed last, once everything else is seeded."""

from enrollment.demo.legacy import history_days
from enrollment.demo.seeding import demo_seeder
from enrollment.progress.services.engine import progress_recompute


@demo_seeder(order=900)
def seed_progress(context):
    run = progress_recompute(full=True, days=history_days(), triggered_by="demo")
    context.lines.append(f"Số liệu tiến độ: {run.snapshot_rows} dòng chỉ tiêu, {run.breakdown_rows} dòng phân tích "
                         f"({run.get_status_display()}); tính lại: python manage.py recompute_progress")
