from django import forms
from django.utils.translation import gettext_lazy as _

from enrollment.models import Staff, UnitType
from enrollment.selectors.units import districts_of_province
from enrollment.services.units import VILLAGE_TYPES


class VillageForm(forms.Form):
    name = forms.CharField(label=_("Village name"), max_length=150)
    unit_type = forms.ChoiceField(
        label=_("Village type"), choices=[(t.value, t.label) for t in VILLAGE_TYPES], initial=UnitType.VILLAGE
    )
    code = forms.RegexField(
        label=_("Code"), regex=r"^\d{6,12}$", required=False,
        help_text=_("Leave empty to number it automatically."),
        error_messages={"invalid": _("A village code has 6 to 12 digits.")},
    )


class CommuneMoveForm(forms.Form):
    district = forms.ModelChoiceField(label=_("Move to district"), queryset=None)

    def __init__(self, *args, user, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts_of_province(user, commune).exclude(pk=commune.parent_id)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (.csv or .xlsx)"))
    dry_run = forms.BooleanField(label=_("Check only, save nothing"), required=False)
    allow_partial = forms.BooleanField(
        label=_("Save the good rows even if some rows are bad"), required=False,
        help_text=_("By default, one bad row stops the whole file and nothing is saved."),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded.name.lower().endswith((".csv", ".txt", ".xlsx", ".xlsm")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return uploaded


class StaffForm(forms.ModelForm):
    class Meta:
        model = Staff
        fields = ["full_name", "unit", "position", "phone", "email", "is_active"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_phone(self):
        phone = self.cleaned_data["phone"].replace(" ", "").replace(".", "")
        if phone and not (phone.isdigit() and len(phone) == 10 and phone.startswith("0")):
            raise forms.ValidationError(_("A Vietnamese phone number has 10 digits and starts with 0."))
        return phone
