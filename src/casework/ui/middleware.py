"""Turns a restricted case met anywhere in a page or action into the break-glass page."""

from django.shortcuts import render

from casework.cases.access import RestrictedCase


class RestrictedCaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RestrictedCase):
            return render(request, "ui/restricted.html", {"case": exception.case}, status=403)
        return None
