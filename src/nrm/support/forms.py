"""Forms of the support provider's pages. They check only that an answer was given; the
support services decide the rules (their messages land on the same fields)."""

from typing import Any

from django import forms

from nrm.accounts.models import Organisation
from nrm.standard.codes import (
    ExitRoute,
    SupportDeclineReason,
    SupportRegion,
    SupportService,
    SupportType,
)
from nrm.support.errors import SupportInvalid
from nrm.web.forms import DateField

CHOOSE_DELIVERER = "Select who will give the support"
CHOOSE_DECLINE_REASON = "Select why you are declining the support referral"
CHOOSE_SUPPORT_TYPE = "Select the type of support"
ENTER_START = "Enter the date the support started"
ENTER_END = "Enter the date the support ended"
CHOOSE_EXIT_ROUTE = "Select how the person left support"

OWN_ORGANISATION = ""  # the delivered_by answer meaning "we give the support ourselves"
REGION_NOT_KNOWN = ""  # the region answer meaning "not known yet"


class AcceptForm(forms.Form):
    delivered_by = forms.ChoiceField(
        label="Who will give the support?",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_DELIVERER},
    )

    def __init__(
        self,
        *args: Any,
        provider: Organisation,
        subcontractors: list[Organisation],
        region: str | None = None,
        **kwargs: Any,
    ) -> None:
        """``region``: the region recorded so far, when referrals to ``provider`` have one
        (None: they have none, and the form does not ask)."""
        super().__init__(*args, **kwargs)
        if region is not None:
            self.fields["region"] = forms.ChoiceField(
                label="Which region will the person be supported in?",
                choices=[(REGION_NOT_KNOWN, "Not known yet")]
                + [c for c in SupportRegion.choices if c[0] != SupportRegion.NOT_KNOWN],
                widget=forms.RadioSelect,
                required=False,
                initial=region,
            )
        field = self.fields["delivered_by"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(OWN_ORGANISATION, f"{provider.name} (your organisation)")] + [
            (organisation.code, f"{organisation.name} (sub-contractor)")
            for organisation in subcontractors
        ]
        field.required = False
        field.initial = OWN_ORGANISATION
        self.subcontractors = {organisation.code: organisation for organisation in subcontractors}

    def deliverer(self) -> Organisation | None:
        return self.subcontractors.get(self.cleaned_data.get("delivered_by") or "")

    def region(self) -> str | None:
        """The region answered; None when the form does not ask for one."""
        if "region" not in self.fields:
            return None
        return str(self.cleaned_data.get("region") or REGION_NOT_KNOWN)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you declining the support referral?",
        choices=SupportDeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_DECLINE_REASON},
    )


def _services_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Services given",
        help_text="Select all that apply.",
        choices=SupportService.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class EpisodeStartForm(forms.Form):
    support_type = forms.ChoiceField(
        label="Type of support",
        choices=SupportType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_SUPPORT_TYPE},
    )
    start = DateField(
        label="Start date",
        help_text="For example, 27 3 2026",
        error_messages={"required": ENTER_START},
    )
    services = _services_field()


class ServicesForm(forms.Form):
    services = _services_field()


class EpisodeCloseForm(forms.Form):
    end = DateField(
        label="End date",
        help_text="The day the person left support, for example, 27 3 2026",
        error_messages={"required": ENTER_END},
    )
    exit_route = forms.ChoiceField(
        label="How did the person leave support?",
        choices=ExitRoute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_EXIT_ROUTE},
    )


def refusal_show(form: forms.Form, error: SupportInvalid) -> None:
    """Put a support rule's message on its field, or above the form when it has none there."""
    form.add_error(error.field if error.field in form.fields else None, str(error))
