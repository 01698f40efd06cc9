"""The admin's history pages (django-simple-history), read-only: records are shown, never reverted or edited."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":  # SIMPLE_HISTORY_REVERT_DISABLED only hides the button
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
