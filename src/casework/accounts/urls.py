"""Included first in casework/urls.py (before the admin site and the ui pages), so `login/` here
serves the sign-in page for `ui:login` too and `admin/login/` replaces the admin site's own."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("login/code/", views.two_factor_verify, name="two_factor_verify"),
    path("account/", views.account, name="account"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("account/two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/turn-off/", views.two_factor_remove, name="two_factor_remove"),
    path("admin/login/", views.admin_login, name="admin_login"),
]
