from django.conf import settings


def casework(request):
    from casework.cases.access import permissions

    return {
        "perms_casework": permissions(getattr(request, "user", None)),
        "force_name": settings.CASEWORK_FORCE_NAME,
        "protective_marking": settings.CASEWORK_PROTECTIVE_MARKING,
    }
