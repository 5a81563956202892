from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Casework administration"
admin.site.site_title = "Casework"

urlpatterns = [
    # First: its login/ serves ui:login's address too, and its admin/login/ replaces the admin's.
    path("", include("casework.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("casework.ui.urls")),
]

handler404 = "casework.ui.views.not_found"
handler500 = "casework.ui.views.server_error"
