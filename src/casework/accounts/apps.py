from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "casework.accounts"
    label = "accounts"
    verbose_name = "Sign-in and account security"

    def ready(self):
        from . import signals  # noqa: F401 — connects the sign-in receivers
