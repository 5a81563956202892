from django.contrib import admin

from .models import CaseDeadline, ServiceLevel
from .tasks import deadlines_recompute_all


@admin.register(ServiceLevel)
class ServiceLevelAdmin(admin.ModelAdmin):
    """Changes here are recorded in the admin's change history (who, when, what) and take effect
    at the next recompute (at once for cases as they change, and nightly for all)."""

    list_display = ["description", "value", "unit", "source", "updated_at", "updated_by"]
    readonly_fields = ["key", "unit", "description", "source", "updated_at", "updated_by"]
    fields = ["key", "description", "value", "unit", "source", "updated_at", "updated_by"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        deadlines_recompute_all.enqueue()
        self.message_user(request, "Every open case's deadlines will be recomputed with the new figure in the next few minutes.")


@admin.register(CaseDeadline)
class CaseDeadlineAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "subject", "due", "hard", "done"]
    list_filter = ["kind", "hard", "done", "custody"]
    search_fields = ["case__urn", "subject"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
