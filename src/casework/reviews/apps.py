from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "casework.reviews"
    verbose_name = "File quality reviews"
