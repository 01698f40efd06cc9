from django import forms
from django.utils.translation import gettext_lazy as _

from enrollment.imports.services import uploaded_file_check


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (.csv or .xlsx)"))
    dry_run = forms.BooleanField(label=_("Check only, save nothing"), required=False)
    allow_partial = forms.BooleanField(
        label=_("Save the good rows even if some rows are bad"), required=False,
        help_text=_("By default, one bad row stops the whole file and nothing is saved."),
    )

    def clean_file(self):
        return uploaded_file_check(self.cleaned_data["file"])
