from django.urls import path

from enrollment.register.views import edits, households, participants, renewals

urlpatterns = [
    path("participants/", participants.participant_list, name="participant_list"),
    path("participants/new/", participants.participant_new, name="participant_new"),
    path("participants/lookup/", participants.participant_lookup, name="participant_lookup"),
    path("participants/contribution/", participants.contribution_preview, name="contribution_preview"),
    path("participants/<int:pk>/", participants.participant_detail, name="participant_detail"),
    path("participants/<int:pk>/payments/new/", participants.payment_new, name="payment_new"),
    path("participants/<int:pk>/edit/", edits.participant_edit, name="participant_edit"),
    path("payments/<int:pk>/edit/", edits.payment_edit, name="payment_edit"),
    path("renewals/", renewals.renewal_list, name="renewal_list"),
    path("renewals/figures/", renewals.renewal_figures_page, name="renewal_figures"),
    path("renewals/<int:pk>/outcome/", renewals.renewal_outcome_new, name="renewal_outcome_record"),
    path("households/", households.household_list, name="household_list"),
    path("households/new/", households.household_new, name="household_new"),
    path("households/<int:pk>/", households.household_detail, name="household_detail"),
]
