from django.contrib import admin

from .models import AccessLogEntry, BreakGlass, CaseChange


class ReadOnly(admin.ModelAdmin):
    """Audit records are append-only: nobody edits or deletes them through the product."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessLogEntry)
class AccessLogAdmin(ReadOnly):
    list_display = ["at", "username", "action", "urn", "what", "purpose", "recipient"]
    list_filter = ["action"]
    search_fields = ["username", "urn", "what", "purpose"]


@admin.register(CaseChange)
class CaseChangeAdmin(ReadOnly):
    list_display = ["at", "username", "urn", "change", "part", "summary"]
    search_fields = ["username", "urn", "summary"]


@admin.register(BreakGlass)
class BreakGlassAdmin(ReadOnly):
    list_display = ["at", "user", "urn", "reason", "expires_at"]
    search_fields = ["urn", "reason"]
