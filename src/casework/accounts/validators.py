"""Password validators added to Django's own (settings.AUTH_PASSWORD_VALIDATORS)."""

import re

from django.core.exceptions import ValidationError


class PersonalDetailsValidator:
    """Refuses a password containing the user name, a part of it, or the person's first or last
    name or e-mail name (Django's similarity check misses a name inside a longer password)."""

    def __init__(self, min_part_length: int = 4):
        self.min_part_length = min_part_length

    def _parts(self, user) -> list[str]:
        username = (getattr(user, "username", "") or "").casefold()
        email = (getattr(user, "email", "") or "").casefold().partition("@")[0]
        parts = {username} if len(username) >= 3 else set()
        for value in (username, email, getattr(user, "first_name", ""), getattr(user, "last_name", "")):
            for part in re.split(r"[\W_]+", (value or "").casefold()):
                if len(part) >= self.min_part_length:
                    parts.add(part)
        return sorted(parts, key=len, reverse=True)

    def validate(self, password, user=None):
        if user is None:
            return
        folded = password.casefold()
        for part in self._parts(user):
            if part in folded:
                raise ValidationError(
                    "Your password must not contain your user name or your name (it contains “%(part)s”).",
                    code="password_contains_personal_details", params={"part": part})

    def get_help_text(self):
        return "Your password must not contain your user name or your name."


class CharacterVarietyValidator:
    """Refuses a password made of one kind of character only: all small letters, all capitals,
    all numbers, or all symbols. Three random words with spaces or hyphens between them pass."""

    @staticmethod
    def _kind(char: str) -> str:
        if char.isdigit():
            return "number"
        if char.isalpha():
            return "small" if char.islower() else "capital" if char.isupper() else "letter"
        return "symbol"

    def validate(self, password, user=None):
        if len({self._kind(c) for c in password}) < 2:
            raise ValidationError(
                "Your password must mix at least 2 kinds of character: small letters, capital "
                "letters, numbers, or spaces and symbols. For example, 3 random words with a "
                "hyphen between each.",
                code="password_one_kind_of_character")

    def get_help_text(self):
        return ("Your password must mix at least 2 kinds of character, such as letters and "
                "numbers, or words with spaces or hyphens between them.")
