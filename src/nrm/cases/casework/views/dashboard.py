"""The manager's dashboard: queue sizes and overdue counts for their authority and for each
caseworker, backlog clearance, and the way to reallocate or assign a case."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.cases.casework import messages, selectors
from nrm.cases.casework.forms import FindCaseForm
from nrm.cases.casework.selectors import QUEUE_LABEL
from nrm.cases.stages import deadline_tag

UNASSIGNED_SHOWN = 10


@capability_required(Capability.ALLOCATE_CASE)
@require_GET
def dashboard_view(request: AuthenticatedRequest) -> HttpResponse:
    today = timezone.localdate()
    find = FindCaseForm(request.GET if "reference" in request.GET else None)
    if find.is_bound and find.is_valid():
        reference = find.cleaned_data["reference"]
        if selectors.case_reference_find(actor=request.user, reference=reference):
            return redirect("casework:case", reference=reference)
        find.add_error("reference", messages.CASE_NOT_FOUND.format(reference=reference))
    sizes = selectors.queue_sizes(actor=request.user, today=today)
    unassigned = selectors.work_queue(
        actor=request.user, queue=selectors.Queue.OPEN, today=today
    ).filter(assigned_to=None)
    backlogs = [
        selectors.backlog_progress(name=name, actor=request.user)
        for name in selectors.backlogs_all()
    ]
    context = {
        "form": find,
        "authority": getattr(getattr(request.user, "organisation", None), "name", ""),
        "sizes": [(QUEUE_LABEL[q], sizes[q], q.value) for q in QUEUE_LABEL],
        "loads": selectors.queue_sizes_by_assignee(actor=request.user, today=today),
        "unassigned_count": unassigned.count(),
        "unassigned": [
            (case.referral.reference, case.due_on, deadline_tag(case.due_on, today=today))
            for case in unassigned[:UNASSIGNED_SHOWN]
        ],
        "backlogs": [b for b in backlogs if b is not None],
    }
    return render(request, "casework/dashboard.html", context)
