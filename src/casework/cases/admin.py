from django.contrib import admin

from . import models as m


class DefendantInline(admin.StackedInline):
    model = m.Defendant
    extra = 0


class WitnessInline(admin.TabularInline):
    model = m.Witness
    extra = 0
    fields = ["ref", "forenames", "surname", "role", "key_witness", "enhanced_rights"]


@admin.register(m.Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["urn", "stage", "hub", "lpa", "oic", "caseworker", "received_at"]
    list_filter = ["stage", "hub", "charging_route", "flag_domestic_abuse", "flag_rasso"]
    search_fields = ["urn", "defendants__surname", "defendants__asn"]
    readonly_fields = ["stage", "outcome", "finalised_on", "created_at", "updated_at"]
    inlines = [DefendantInline, WitnessInline]
    raw_id_fields = ["oic", "supervisor", "caseworker"]

    # Case data is viewed here, never changed: every change goes through a service, which records
    # its before and after in the change history and recomputes the case's deadlines.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(m.CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "case", "kind", "summary", "actor"]
    list_filter = ["kind"]
    search_fields = ["case__urn", "summary"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
