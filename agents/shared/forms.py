
from django import forms

from enrollment.shared.forms import DATE_FORMATS, date_input


class DayMonthYearDates:
    """Dates typed and shown as dd/mm/yyyy, as in the register's forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            if isinstance(form_field, forms.DateField):
                form_field.input_formats = DATE_FORMATS
                form_field.widget = date_input()
