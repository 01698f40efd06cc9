from celery import shared_task


@shared_task
def flag_agents_for_review():
    """Monthly: flag agent staff below the threshold over the last complete months (idempotent)."""
    from agents.services.reviews import reviews_flag

    return reviews_flag().count()
