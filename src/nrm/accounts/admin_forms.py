"""Forms of the account administration pages. They check the shape of the answers; the
administration services decide the rules, and their messages land on the same fields."""

from __future__ import annotations

from typing import Any

from django import forms

from nrm.accounts import admin_services as rules
from nrm.accounts.models import Organisation, Role
from nrm.standard.codes import FirstResponderType, Nation

ENTER_PASSWORD = "Enter a password for the user"  # noqa: S105 - a message, not a password
CHOOSE_ACTIVE = "Select yes if the organisation is active, or no if it is not"

NONE_CHOICE = [("", "None")]


def _organisation_field() -> forms.ModelChoiceField[Organisation]:
    return forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        empty_label="Choose an organisation",
        error_messages={
            "required": rules.ORGANISATION_REQUIRED,
            "invalid_choice": rules.ORGANISATION_REQUIRED,
        },
    )


def _role_field() -> forms.ModelChoiceField[Role]:
    return forms.ModelChoiceField(
        label="Role",
        queryset=Role.objects.order_by("name"),
        empty_label="Choose a role",
        help_text="The role decides what the user can do and which cases they see.",
        error_messages={"required": rules.ROLE_REQUIRED, "invalid_choice": rules.ROLE_REQUIRED},
    )


class UserCreateForm(forms.Form):
    username = forms.CharField(
        label="Username",
        help_text="Letters, digits and @ . + - _ only.",
        error_messages={"required": rules.USERNAME_INVALID},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.CharField(
        label="Email address (optional)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        help_text="Give it to the user in person or by another secure route. To set up their "
        "authenticator app they also need a set-up link, which you can issue once the user "
        "is added.",
        strip=False,
        error_messages={"required": ENTER_PASSWORD},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    organisation = _organisation_field()
    role = _role_field()


class RoleChangeForm(forms.Form):
    role = _role_field()


class SetUpLinkForm(forms.Form):
    # Set when the page warned that the user's authenticator app will be removed.
    reset = forms.BooleanField(required=False, widget=forms.HiddenInput)


class _OrganisationFields(forms.Form):
    # Optional here so that the service's own message says what a name needs.
    name = forms.CharField(label="Name", required=False)
    responder_type = forms.ChoiceField(
        label="First responder type",
        choices=NONE_CHOICE + list(FirstResponderType.choices),
        required=False,
        error_messages={"invalid_choice": rules.RESPONDER_TYPE_UNKNOWN},
    )
    nation = forms.ChoiceField(
        label="Nation",
        choices=NONE_CHOICE + list(Nation.choices),
        required=False,
        error_messages={"invalid_choice": rules.NATION_UNKNOWN},
    )


class OrganisationCreateForm(_OrganisationFields):
    code = forms.CharField(
        label="Code",
        help_text="Lower-case letters, digits and hyphens, for example met-police. Partners "
        "and the data use it; it cannot be changed later.",
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    field_order = ["code", "name", "responder_type", "nation"]


class OrganisationEditForm(_OrganisationFields):
    is_active = forms.TypedChoiceField(
        label="Is the organisation active?",
        help_text="No new user can be added to an inactive organisation.",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ACTIVE, "invalid_choice": CHOOSE_ACTIVE},
    )


def organisation_initial(organisation: Organisation) -> dict[str, Any]:
    return {
        "name": organisation.name,
        "responder_type": organisation.responder_type,
        "nation": organisation.nation,
        "is_active": "yes" if organisation.is_active else "no",
    }


def account_error_show(form: forms.Form, error: rules.AccountError) -> None:
    """Put a service's refusal on its field (with the password rules it broke, if any), or
    above the form when the form has no such field."""
    message = error.message
    if error.reasons:
        message = f"{message}: {' '.join(error.reasons)}"
    form.add_error(error.field if error.field in form.fields else None, message)
