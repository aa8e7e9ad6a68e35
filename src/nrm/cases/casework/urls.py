from django.urls import path

from nrm.cases.casework.views import actions, case, dashboard, queue

app_name = "casework"

urlpatterns = [
    path("casework/queue/", queue.queue_view, name="queue"),
    path("casework/dashboard/", dashboard.dashboard_view, name="dashboard"),
    path("casework/cases/<str:reference>/", case.case_view, name="case"),
    *[
        path(f"casework/cases/<str:reference>/{slug}/", view, name=slug)
        for slug, view in (
            ("rg-decision", actions.rg_decision_view),
            ("cg-decision", actions.cg_decision_view),
            ("review", actions.review_view),
            ("suspend", actions.suspend_view),
            ("resume", actions.resume_view),
            ("withdraw", actions.withdraw_view),
            ("extend-recovery", actions.extend_recovery_view),
            ("summary", actions.summary_view),
            ("note", actions.note_view),
            ("reallocate", actions.reallocate_view),
            ("assign", actions.assign_view),
        )
    ],
]
