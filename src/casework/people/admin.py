from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Unit, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "ou_code"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "ou_code"]


@admin.register(User)
class CaseworkUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "unit", "is_active"]
    list_filter = ["role", "unit", "is_active"]
    fieldsets = UserAdmin.fieldsets + (
        ("Casework", {"fields": ("role", "unit", "rank", "collar_number", "phone")}),
    )
