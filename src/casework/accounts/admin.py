from django.contrib import admin, messages

from .models import LoginAttempt, TOTPDevice
from .services import login_attempts_clear


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    """Sign-in attempts, read-only. To unlock, select any attempt by the user name (or from the
    address) and run an unlock action: the failures are marked cleared (kept for the record)."""

    list_display = ["at", "username", "ip", "step", "succeeded", "note", "cleared_by"]
    list_filter = ["succeeded", "step", "at"]
    search_fields = ["username", "ip", "note"]
    date_hierarchy = "at"
    actions = ["unlock_usernames", "unlock_addresses"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Unlock the user names of the selected attempts")
    def unlock_usernames(self, request, queryset):
        names = sorted(set(queryset.values_list("username", flat=True)))
        cleared = login_attempts_clear(usernames=names, by=request.user.username)
        self.message_user(request, f"Unlocked {', '.join(names)}: {cleared} failed attempts cleared.",
                          messages.SUCCESS)

    @admin.action(description="Unlock the IP addresses of the selected attempts")
    def unlock_addresses(self, request, queryset):
        ips = sorted({ip for ip in queryset.values_list("ip", flat=True) if ip})
        cleared = login_attempts_clear(ips=ips, by=request.user.username)
        self.message_user(request, f"Unlocked {', '.join(ips) or 'no addresses'}: {cleared} failed "
                                   f"attempts cleared.", messages.SUCCESS)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Who has set up an authenticator app. Deleting one resets that user's two-factor
    authentication (for a lost phone): they set up a new app at their next sign-in. The secret is
    never shown."""

    list_display = ["user", "confirmed_at", "last_used_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "confirmed_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
