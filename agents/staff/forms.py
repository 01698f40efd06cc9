"""Forms to create and edit agent staff, their training and their cards, and training courses."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from agents.shared.forms import DayMonthYearDates
from agents.staff.models import (
    AgentCard,
    AgentStaff,
    Sex,
    TrainingCourse,
    TrainingRecord,
)
from enrollment.shared.forms import PersonNameAndPhone
from enrollment.shared.identity import IdentityError, personal_id_check

ID_SEX = {Sex.MALE: "male", Sex.FEMALE: "female"}


class AgentStaffForm(PersonNameAndPhone, DayMonthYearDates, forms.ModelForm):
    """One person, one record: a personal ID already registered is reported, never entered twice."""

    class Meta:
        model = AgentStaff
        fields = ["full_name", "personal_id", "birth_date", "sex", "phone", "point", "joined_on", "is_active"]

    def __init__(self, *args, points, managed_staff, **kwargs):
        super().__init__(*args, **kwargs)
        # Wider than the 12 digits stored: "082 085 012 345" is cleaned to digits below.
        self.fields["personal_id"] = forms.CharField(
            label=capfirst(AgentStaff._meta.get_field("personal_id").verbose_name), max_length=20,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        self.fields["point"].queryset = points.select_related("organisation", "unit").order_by(
            "organisation__name", "name")
        self.fields["point"].label_from_instance = lambda p: f"{p.name} – {p.organisation.name}"
        self.managed_staff = managed_staff
        self.duplicate = None

    def clean(self):
        data = super().clean()
        if data.get("personal_id") and "birth_date" not in self.errors:
            try:
                data["personal_id"] = personal_id_check(data["personal_id"], data.get("birth_date"),
                                                        ID_SEX.get(data.get("sex")))
            except IdentityError as error:
                self.add_error("personal_id", str(error))
            else:
                self._check_not_registered(data["personal_id"])
        return data

    def _check_not_registered(self, personal_id):
        duplicate = (AgentStaff.objects.filter(personal_id=personal_id).exclude(pk=self.instance.pk)
                     .select_related("point__organisation").first())
        if duplicate is None:
            return
        if self.managed_staff.filter(pk=duplicate.pk).exists():
            self.duplicate = duplicate
            self.add_error("personal_id", _("This personal ID is already registered: %(name)s, %(point)s.") % {
                "name": duplicate.full_name, "point": duplicate.point.name})
        else:
            self.add_error("personal_id", _("This personal ID is already registered as agent staff outside your "
                                            "area. Ask the office that manages them."))


class TrainingCourseForm(DayMonthYearDates, forms.ModelForm):
    class Meta:
        model = TrainingCourse
        fields = ["name", "unit", "starts_on", "ends_on", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("A course cannot end before it starts."))
        return data


class TrainingRecordForm(DayMonthYearDates, forms.ModelForm):
    class Meta:
        model = TrainingRecord
        fields = ["course", "class_name", "trained_on", "result"]

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["course"].label_from_instance = (
            lambda c: f"{c.name} ({c.starts_on:%d/%m/%Y} – {c.ends_on:%d/%m/%Y})")

    def clean(self):
        data = super().clean()
        course, day = data.get("course"), data.get("trained_on")
        if course and day and not (course.starts_on <= day <= course.ends_on):
            self.add_error("trained_on", _("The course runs from %(start)s to %(end)s.") % {
                "start": course.starts_on.strftime("%d/%m/%Y"), "end": course.ends_on.strftime("%d/%m/%Y")})
        if course:
            same = TrainingRecord.objects.filter(course=course, staff=self.instance.staff)
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error("course", _("This agent staff member is already recorded in this course."))
        return data


class CardForm(DayMonthYearDates, forms.ModelForm):
    class Meta:
        model = AgentCard
        fields = ["number", "issued_on", "expires_on"]

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if AgentCard.objects.filter(number__iexact=number).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A card with this number has already been issued."))
        return number

    def clean(self):
        data = super().clean()
        if data.get("issued_on") and data.get("expires_on") and data["expires_on"] <= data["issued_on"]:
            self.add_error("expires_on", _("A card expires after the day it is issued."))
        return data
