from django.contrib.auth import views as auth_views
from django.urls import path

from casework.accounts.views import SignInView

from . import (
    audit_views,
    gatekeeping_views,
    report_views,
    request_views,
    team_views,
    views,
    witness_care_views,
    worklist_views,
)

app_name = "ui"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/<str:urn>/", views.case_detail, name="case_detail"),
    path("cases/<str:urn>/findings/set-aside/", views.finding_set_aside_view, name="finding_set_aside"),
    path("cases/<str:urn>/findings/restore/", views.finding_restore_view, name="finding_restore"),
    path("cases/<str:urn>/file-stage/", views.file_stage_view, name="file_stage"),
    path("cases/<str:urn>/break-glass/", views.break_glass_view, name="break_glass"),
    path("cases/<str:urn>/submit/", views.file_submit_view, name="file_submit"),
    path("cases/<str:urn>/return/", views.file_return_view, name="file_return"),
    path("cases/<str:urn>/escalate/", views.file_escalate_view, name="file_escalate"),
    path("cases/<str:urn>/resubmit/", views.file_resubmit_view, name="file_resubmit"),
    path("cases/<str:urn>/action-plans/new/", views.action_plan_new_view, name="action_plan_new"),
    path("cases/<str:urn>/contacts/new/", views.contact_new_view, name="contact_new"),
    path("cases/<str:urn>/action-items/<str:ref>/done/", views.action_item_done_view, name="action_item_done"),
    path("cases/<str:urn>/action-items/<str:ref>/chase/", views.action_item_chase_view, name="action_item_chase"),
    path("cases/<str:urn>/tasks/<str:ref>/done/", views.task_done_view, name="task_done"),
    path("cases/<str:urn>/restriction/", views.restriction_view, name="restriction"),
    path("cases/<str:urn>/requests/<str:ref>/answer/", request_views.request_answer, name="request_answer"),
    path("worklist/", worklist_views.my_cases, name="my_cases"),
    path("intake/", team_views.intake, name="intake"),
    path("assign/", team_views.case_assign, name="case_assign"),
    path("team/", team_views.team, name="team"),
    path("team/move/", team_views.caseload_move, name="caseload_move"),
    path("team/cover/", team_views.cover_new, name="cover_new"),
    path("team/cover/<int:pk>/end/", team_views.cover_stop, name="cover_stop"),
    path("witness-care/", witness_care_views.witness_care, name="witness_care"),
    path("witness-care/record/", witness_care_views.witness_care_record_view, name="witness_care_record"),
    path("requests/", request_views.requests_inbox, name="requests"),
    path("requests/new/", request_views.request_new, name="request_new"),
    path("gatekeeping/", gatekeeping_views.gatekeeping, name="gatekeeping"),
    path("worklist/team/", worklist_views.team_worklist, name="team_worklist"),
    path("worklist/workload/", worklist_views.workload_view, name="workload"),
    path("reports/", report_views.dashboard, name="reports"),
    path("reports/cases/", report_views.report_cases, name="report_cases"),
    path("reports/pack/", report_views.report_pack, name="report_pack"),
    path("reports/packs/", report_views.packs, name="report_packs"),
    path("reports/packs/<int:pk>/", report_views.pack_download, name="report_pack_download"),
    path("audit/access-log/", audit_views.access_log, name="access_log"),
    path("audit/break-glass/", audit_views.break_glass_log, name="break_glass_log"),
]
