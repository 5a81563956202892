from django.contrib import admin

from . import models as m


class DefendantInline(admin.StackedInline):
    model = m.Defendant
    extra = 0
    show_change_link = True


class WitnessInline(admin.TabularInline):
    model = m.Witness
    extra = 0
    fields = ["ref", "forenames", "surname", "role", "key_witness", "enhanced_rights"]
    show_change_link = True


@admin.register(m.Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["urn", "stage", "hub", "lpa", "oic", "caseworker", "received_at"]
    list_filter = ["stage", "hub", "charging_route", "flag_domestic_abuse", "flag_rasso"]
    search_fields = ["urn", "defendants__surname", "defendants__asn"]
    readonly_fields = ["stage", "outcome", "finalised_on", "created_at", "updated_at"]
    inlines = [DefendantInline, WitnessInline]
    raw_id_fields = ["oic", "supervisor", "caseworker"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from casework.deadlines.services import (
            case_deadlines_recompute,  # deadlines depend on cases
        )

        case_deadlines_recompute(case_ids=[form.instance.pk])


@admin.register(m.CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "case", "kind", "summary", "actor"]
    list_filter = ["kind"]
    search_fields = ["case__urn", "summary"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
