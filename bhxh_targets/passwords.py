"""Password rules, with messages in the project's catalogue where Django's Vietnamese one falls short."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule. Django 6 reworded its message and its Vietnamese catalogue still has the old wording,
    so the message would show in English."""

    def get_error_message(self):
        return ngettext(
            "This password is too short: it must have at least %(min_length)d character.",
            "This password is too short: it must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
