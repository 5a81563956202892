from django.contrib import admin

from .models import (
    BankHoliday,
    CodeListEntry,
    Force,
    OffenceCode,
    OrganisationUnit,
    ReferenceDataset,
)


@admin.register(OffenceCode)
class OffenceCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "category", "recordable_on_pnc", "current"]
    list_filter = ["category", "current", "recordable_on_pnc"]
    search_fields = ["code", "title"]


@admin.register(OrganisationUnit)
class OrganisationUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "area", "psa_code"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "area"]


@admin.register(Force)
class ForceAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(CodeListEntry)
class CodeListEntryAdmin(admin.ModelAdmin):
    list_display = ["list_name", "code", "description"]
    list_filter = ["list_name"]
    search_fields = ["code", "description"]


@admin.register(BankHoliday)
class BankHolidayAdmin(admin.ModelAdmin):
    """A one-off bank holiday added here counts from the next recompute (queued on save); the
    change is recorded in the admin's history."""

    list_display = ["date", "title", "source", "notes"]
    list_filter = ["source"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        from casework.deadlines.tasks import deadlines_recompute_all

        super().save_model(request, obj, form, change)
        deadlines_recompute_all.enqueue()

    def delete_model(self, request, obj):
        from casework.deadlines.tasks import deadlines_recompute_all

        super().delete_model(request, obj)
        deadlines_recompute_all.enqueue()


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(admin.ModelAdmin):
    list_display = ["name", "rows", "sha256", "loaded_at"]
    readonly_fields = ["name", "rows", "sha256", "loaded_at"]
