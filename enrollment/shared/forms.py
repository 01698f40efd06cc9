"""Form pieces every concern uses: dates typed as dd/mm/yyyy, a person's name and phone."""

from django import forms

from enrollment.shared.identity import IdentityError, phone_check

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d%m%Y", "%Y-%m-%d"]


def date_input():
    return forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric",
                                                     "autocomplete": "off"})


def date_field(label, **kwargs):
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=date_input(), **kwargs)


class PersonNameAndPhone:
    """Cleaning shared by the forms that take a person's full name and mobile phone."""

    def clean_full_name(self):
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_phone(self):
        try:
            return phone_check(self.cleaned_data["phone"])
        except IdentityError as error:
            raise forms.ValidationError(str(error)) from None
