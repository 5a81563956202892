from django.conf import settings


def casework(request):
    return {
        "force_name": settings.CASEWORK_FORCE_NAME,
        "protective_marking": settings.CASEWORK_PROTECTIVE_MARKING,
    }
