from django import forms
from django.utils.translation import gettext_lazy as _

from enrollment.territory.models.officers import Staff
from enrollment.territory.models.units import UnitType
from enrollment.territory.selectors import districts_of_province
from enrollment.territory.services.units import VILLAGE_TYPES


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
