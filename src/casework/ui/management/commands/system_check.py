from django.core.management.commands.check import Command as DjangoCheck


class Command(DjangoCheck):
    help = "Django's system checks (`casework check` reviews case files instead)."
