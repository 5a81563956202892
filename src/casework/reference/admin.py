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

    def changelist_view(self, request, extra_context=None):
        # The calendar's years, said where administrators keep it: a date past the last one cannot
        # be counted (the case shows "cannot compute"), so warn while there is time to add a year.
        from django.contrib import messages
        from django.utils import timezone

        from casework.deadlines.services import calendar_coverage

        cover = calendar_coverage(timezone.localdate())
        if cover["last"] is None:
            messages.error(request, "No bank holidays are loaded: no working day or custody time limit can be counted. "
                                    "Load the reference data (casework bootstrap).")
        else:
            text = (f"The calendar covers {cover['first']} to {cover['last']}: deadlines that fall after "
                    f"31 December {cover['last']} cannot be computed and are shown on their cases as such. "
                    f"The GOV.UK list loaded runs to {cover['published']}; the regular bank holidays of later years "
                    "come from the rules of the `holidays` package, so add any one-off day when it is announced.")
            if cover["warn"]:
                messages.warning(request, text + f" Extend it before {cover['last']} ends: add a bank holiday of "
                                                 f"{cover['last'] + 1} here (the calendar then runs to that year), or "
                                                 "raise CASEWORK_CALENDAR_LAST_YEAR.")
            else:
                messages.info(request, text)
        return super().changelist_view(request, extra_context)

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
