from celery import shared_task


@shared_task(name="agents.tasks.flag_agents_for_review")  # the name schedules refer to
def flag_agents_for_review():
    """Monthly: flag agent staff below the threshold over the last complete months (idempotent)."""
    from agents.performance.services import reviews_flag

    return reviews_flag().count()
